import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { toMajorText, toMinorUnits } from '../../src-shared/money';
import { err, ok, type Result } from '../../src-shared/result';
import { gtinProblem } from './gtin';
import type { Product } from './product';

export interface CatalogueFileError {
  readonly code: 'catalogue_invalid';
  readonly message: string;
  readonly problems: readonly string[];
}

/** A raw row and where it was in the file: `line 4` of a CSV, `row 3` of a JSON array. */
interface SourceRow {
  readonly where: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

const REQUIRED_COLUMNS = ['barcode', 'name', 'unit_price'] as const;
const KNOWN_COLUMNS = new Set<string>([...REQUIRED_COLUMNS, 'excluded', 'sold_by']);
const MAX_PROBLEMS_SHOWN = 20;

/** csv-parse's typings do not follow its `info` option: the shape it gives then. */
const csvRecords = z.array(
  z.object({ info: z.object({ lines: z.number().int() }), record: z.array(z.string()) }),
);

/**
 * Reads a catalogue file (CSV with header `barcode,name,unit_price,excluded[,sold_by]`, or a JSON
 * array of objects with those keys) and validates every row. `unit_price` is in decimal major
 * units of `currency`. Returns every product, or every problem found: never a part.
 */
export function readCatalogueFile(
  path: string,
  currency: string,
): Result<Product[], CatalogueFileError> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    return failure(path, [
      `cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  const rows = extname(path).toLowerCase() === '.json' ? jsonRows(text) : csvRows(text);
  if (!rows.ok) return failure(path, rows.error);
  if (rows.value.length === 0) return failure(path, ['holds no products']);

  const products: Product[] = [];
  const problems: string[] = [];
  const firstSeen = new Map<string, string>();
  for (const row of rows.value) {
    const product = toProduct(row, currency);
    if (!product.ok) {
      problems.push(...product.error.map((problem) => `${row.where}: ${problem}`));
      continue;
    }
    const earlier = firstSeen.get(product.value.barcode);
    if (earlier !== undefined) {
      problems.push(`${row.where}: barcode: ${product.value.barcode} is already on ${earlier}`);
      continue;
    }
    firstSeen.set(product.value.barcode, row.where);
    products.push(product.value);
  }
  return problems.length > 0 ? failure(path, problems) : ok(products);
}

function failure(path: string, problems: readonly string[]): Result<never, CatalogueFileError> {
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).map((problem) => `  ${path}: ${problem}`);
  if (problems.length > MAX_PROBLEMS_SHOWN)
    shown.push(`  … and ${problems.length - MAX_PROBLEMS_SHOWN} more`);
  return err({
    code: 'catalogue_invalid',
    message: `The catalogue was not imported (nothing was changed):\n${shown.join('\n')}`,
    problems: problems.map((problem) => `${path}: ${problem}`),
  });
}

function csvRows(text: string): Result<SourceRow[], string[]> {
  let records: z.infer<typeof csvRecords>;
  try {
    const parsed: unknown = parse(text, {
      info: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    });
    records = csvRecords.parse(parsed);
  } catch (error) {
    return err([`is not valid CSV: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const [header, ...body] = records;
  if (header === undefined) return ok([]);
  const columns = header.record.map((column) => column.toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  const unknown = columns.filter((column) => !KNOWN_COLUMNS.has(column));
  const problems = [
    ...missing.map((column) => `line 1: header: column "${column}" is missing`),
    ...unknown.map((column) => `line 1: header: column "${column}" is not known`),
  ];
  if (problems.length > 0) return err(problems);
  return ok(
    body.map(({ info, record }) => ({
      where: `line ${info.lines}`,
      fields: Object.fromEntries(columns.map((column, index) => [column, record[index]])),
    })),
  );
}

function jsonRows(text: string): Result<SourceRow[], string[]> {
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch (error) {
    return err([`is not valid JSON: ${error instanceof Error ? error.message : String(error)}`]);
  }
  if (!Array.isArray(content)) return err(['must hold a JSON array of products']);
  const rows: SourceRow[] = [];
  const problems: string[] = [];
  content.forEach((item: unknown, index) => {
    const where = `row ${index + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(`${where}: must be an object`);
      return;
    }
    const fields = Object.fromEntries(Object.entries(item));
    const unknown = Object.keys(fields).filter((key) => !KNOWN_COLUMNS.has(key));
    problems.push(...unknown.map((key) => `${where}: ${key}: is not a known field`));
    rows.push({ where, fields });
  });
  return problems.length > 0 ? err(problems) : ok(rows);
}

function toProduct(row: SourceRow, currency: string): Result<Product, string[]> {
  const problems: string[] = [];
  const text = (field: string): string => {
    const value = row.fields[field];
    return typeof value === 'string' ? value.trim() : '';
  };
  const barcode = text('barcode');
  const barcodeProblem =
    typeof row.fields.barcode === 'number'
      ? 'must be a string: as a number it loses its leading zeros'
      : barcode === ''
        ? 'is required'
        : gtinProblem(barcode);
  if (barcodeProblem) problems.push(`barcode: ${barcodeProblem}`);
  const name = text('name');
  if (name === '') problems.push('name: is required');
  else if (name.length > 200) problems.push('name: must be at most 200 characters');
  const unitPrice = price(row.fields.unit_price, currency);
  if (!unitPrice.ok) problems.push(`unit_price: ${unitPrice.error}`);
  const excluded = flag(row.fields.excluded);
  if (excluded === undefined) problems.push('excluded: must be 0, 1, true or false');
  const soldBy = soldByValue(row.fields.sold_by);
  if (soldBy === undefined) problems.push('sold_by: must be "unit" or "weight"');
  if (problems.length > 0 || !unitPrice.ok || excluded === undefined || soldBy === undefined) {
    return err(problems);
  }
  return ok({ barcode, name, unitPrice: unitPrice.value, soldBy, excluded });
}

function price(value: unknown, currency: string): Result<number, string> {
  if (value === undefined || value === null || value === '') return err('is required');
  const minor = toMinorUnits(value, currency);
  if (!minor.ok) return err(minor.error.message);
  if (minor.value < 0) return err(`must not be negative (${toMajorText(minor.value, currency)})`);
  return ok(minor.value);
}

function flag(value: unknown): boolean | undefined {
  if (value === undefined || value === null || value === '') return false;
  if (value === true || value === 1 || value === '1' || value === 'true') return true;
  if (value === false || value === 0 || value === '0' || value === 'false') return false;
  return undefined;
}

function soldByValue(value: unknown): Product['soldBy'] | undefined {
  if (value === undefined || value === null || value === '') return 'unit';
  return value === 'unit' || value === 'weight' ? value : undefined;
}
