import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Result } from '../../src-shared/result';
import { ok } from '../../src-shared/result';
import { readCatalogueFile, type CatalogueFileError } from './catalogue-file';
import type { Product } from './product';

/** A `catalogue` row as SQLite returns it. */
const catalogueRow = z.object({
  barcode: z.string(),
  name: z.string(),
  unit_price: z.number().int(),
  sold_by: z.enum(['unit', 'weight']),
  excluded: z.union([z.literal(0), z.literal(1)]),
  updated_at: z.number().int(),
});
type CatalogueRow = z.infer<typeof catalogueRow>;

export interface CatalogueImportReport {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Products no longer in the file: the file is the whole catalogue. */
  readonly removed: number;
  readonly total: number;
}

export interface ImportOptions {
  /** The configured currency: unit prices in the file are decimal major units of it. */
  readonly currency: string;
  readonly now?: Date;
}

/** Replaces the catalogue with the file's products in one transaction, or changes nothing. */
export function importCatalogue(
  db: Database,
  filePath: string,
  options: ImportOptions,
): Result<CatalogueImportReport, CatalogueFileError> {
  const products = readCatalogueFile(filePath, options.currency);
  if (!products.ok) return products;
  return ok(replaceCatalogue(db, products.value, options.now ?? new Date()));
}

export function replaceCatalogue(
  db: Database,
  products: readonly Product[],
  now: Date,
): CatalogueImportReport {
  const upsert = db.prepare(`
    INSERT INTO catalogue (barcode, name, unit_price, sold_by, excluded, updated_at)
    VALUES (@barcode, @name, @unit_price, @sold_by, @excluded, @updated_at)
    ON CONFLICT (barcode) DO UPDATE SET
      name = excluded.name, unit_price = excluded.unit_price, sold_by = excluded.sold_by,
      excluded = excluded.excluded, updated_at = excluded.updated_at`);
  const remove = db.prepare('DELETE FROM catalogue WHERE barcode = ?');
  return db
    .transaction(() => {
      const existing = new Map(listProducts(db).map((product) => [product.barcode, product]));
      let added = 0;
      let updated = 0;
      let unchanged = 0;
      for (const product of products) {
        const before = existing.get(product.barcode);
        existing.delete(product.barcode);
        if (before && sameProduct(before, product)) {
          unchanged += 1;
          continue;
        }
        if (before) updated += 1;
        else added += 1;
        upsert.run(toRow(product, now));
      }
      for (const barcode of existing.keys()) remove.run(barcode);
      return { added, updated, unchanged, removed: existing.size, total: products.length };
    })
    .immediate();
}

export function findProduct(db: Database, barcode: string): Product | undefined {
  const row: unknown = db.prepare('SELECT * FROM catalogue WHERE barcode = ?').get(barcode);
  return row === undefined ? undefined : toProduct(catalogueRow.parse(row));
}

export interface ProductSearch {
  readonly products: Product[];
  /** More products match than `limit`. */
  readonly more: boolean;
}

/**
 * Products whose name holds every word of `query`, in any case, by name: the first `limit`.
 * The words are matched as plain text (`%` and `_` are not wildcards).
 */
export function searchProducts(db: Database, query: string, limit: number): ProductSearch {
  const words = query.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return { products: [], more: false };
  const where = words.map(() => "name LIKE ? ESCAPE '\\'").join(' AND ');
  const patterns = words.map((word) => `%${word.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`);
  const rows: unknown[] = db
    .prepare(`SELECT * FROM catalogue WHERE ${where} ORDER BY name COLLATE NOCASE, barcode LIMIT ?`)
    .all(...patterns, limit + 1);
  const products = rows.map((row) => toProduct(catalogueRow.parse(row)));
  return { products: products.slice(0, limit), more: products.length > limit };
}

export function listProducts(db: Database): Product[] {
  const rows: unknown[] = db.prepare('SELECT * FROM catalogue ORDER BY barcode').all();
  return rows.map((row) => toProduct(catalogueRow.parse(row)));
}

function toProduct(row: CatalogueRow): Product {
  return {
    barcode: row.barcode,
    name: row.name,
    unitPrice: row.unit_price,
    soldBy: row.sold_by,
    excluded: row.excluded === 1,
  };
}

function toRow(product: Product, now: Date): CatalogueRow {
  return {
    barcode: product.barcode,
    name: product.name,
    unit_price: product.unitPrice,
    sold_by: product.soldBy,
    excluded: product.excluded ? 1 : 0,
    updated_at: now.getTime(),
  };
}

function sameProduct(a: Product, b: Product): boolean {
  return (
    a.name === b.name &&
    a.unitPrice === b.unitPrice &&
    a.soldBy === b.soldBy &&
    a.excluded === b.excluded
  );
}
