import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findProduct, importCatalogue, listProducts, searchProducts } from './catalogue';
import { openTempStore, type TempStore } from '../../test-support/till/temp-store';

const DEMO = fileURLToPath(new URL('./demo-catalogue.csv', import.meta.url));
const EUR = { currency: 'EUR', now: new Date('2026-11-23T10:00:00Z') };

let store: TempStore;
beforeEach(() => {
  store = openTempStore();
});
afterEach(() => {
  store.dispose();
});

function write(name: string, text: string): string {
  const path = join(store.folder, name);
  writeFileSync(path, text);
  return path;
}

function problems(result: ReturnType<typeof importCatalogue>): readonly string[] {
  if (result.ok) throw new Error('expected the import to be refused');
  return result.error.problems;
}

describe('importCatalogue', () => {
  it('imports the demo catalogue: about twenty products, one weighed, one excluded', () => {
    const result = importCatalogue(store.db, DEMO, EUR);
    expect(result).toEqual({
      ok: true,
      value: { added: 20, updated: 0, unchanged: 0, removed: 0, total: 20 },
    });
    const products = listProducts(store.db);
    expect(products.filter((product) => product.soldBy === 'weight')).toHaveLength(1);
    expect(products.filter((product) => product.excluded).map((product) => product.name)).toEqual([
      'Gift card 25.00',
    ]);
    expect(findProduct(store.db, '8712345000172')).toEqual({
      barcode: '8712345000172',
      name: 'Bananas (loose, per kg)',
      unitPrice: 199,
      soldBy: 'weight',
      excluded: false,
    });
  });

  it('imports a JSON array, replacing what was there', () => {
    importCatalogue(store.db, DEMO, EUR);
    const path = write(
      'catalogue.json',
      JSON.stringify([
        { barcode: '8712345000011', name: 'Whole milk 1 L', unit_price: 1.35, excluded: false },
        { barcode: '4006381333931', name: 'Highlighter', unit_price: '2', excluded: true },
      ]),
    );
    expect(importCatalogue(store.db, path, EUR)).toEqual({
      ok: true,
      value: { added: 1, updated: 1, unchanged: 0, removed: 19, total: 2 },
    });
    expect(findProduct(store.db, '8712345000011')?.unitPrice).toBe(135);
    expect(findProduct(store.db, '4006381333931')).toMatchObject({
      unitPrice: 200,
      excluded: true,
    });
  });

  it('converts prices with the currency exponent', () => {
    const path = write('yen.csv', 'barcode,name,unit_price,excluded\n4006381333931,Pen,150,0\n');
    expect(importCatalogue(store.db, path, { currency: 'JPY' }).ok).toBe(true);
    expect(findProduct(store.db, '4006381333931')?.unitPrice).toBe(150);
    const fractional = write(
      'yen-bad.csv',
      'barcode,name,unit_price,excluded\n4006381333931,Pen,1.5,0\n',
    );
    expect(problems(importCatalogue(store.db, fractional, { currency: 'JPY' }))).toEqual([
      `${fractional}: line 2: unit_price: has 1 decimals but JPY allows no decimals (1.5)`,
    ]);
  });

  it('names the file, the line and the field of every bad row, and writes nothing', () => {
    importCatalogue(store.db, DEMO, EUR);
    const before = listProducts(store.db);
    const path = write(
      'bad.csv',
      [
        'barcode,name,unit_price,excluded',
        '8712345000011,Whole milk 1 L,0.99,0',
        '8712345000012,Eggs,3.49,0',
        '8712345000035,,3.95,0',
        '8712345000042,Butter,2.799,0',
        '8712345000059,Cheese,-1,maybe',
        '8712345000011,Milk again,1.29,0',
      ].join('\n'),
    );
    expect(problems(importCatalogue(store.db, path, EUR))).toEqual([
      `${path}: line 3: barcode: has a wrong check digit (8712345000012: the last digit should be 1)`,
      `${path}: line 4: name: is required`,
      `${path}: line 5: unit_price: has 3 decimals but EUR allows at most 2 decimals (2.799)`,
      `${path}: line 6: unit_price: must not be negative (-1.00)`,
      `${path}: line 6: excluded: must be 0, 1, true or false`,
      `${path}: line 7: barcode: 8712345000011 is already on line 2`,
    ]);
    expect(listProducts(store.db)).toEqual(before);
  });

  it('names a bad JSON row and a missing CSV column', () => {
    const json = write(
      'bad.json',
      JSON.stringify([{ barcode: 8712345000011, name: 'Milk', unit_price: 1 }, {}]),
    );
    expect(problems(importCatalogue(store.db, json, EUR))).toEqual([
      `${json}: row 1: barcode: must be a string: as a number it loses its leading zeros`,
      `${json}: row 2: barcode: is required`,
      `${json}: row 2: name: is required`,
      `${json}: row 2: unit_price: is required`,
    ]);
    const csv = write('no-price.csv', 'barcode,name\n8712345000011,Milk\n');
    expect(problems(importCatalogue(store.db, csv, EUR))).toEqual([
      `${csv}: line 1: header: column "unit_price" is missing`,
    ]);
    expect(listProducts(store.db)).toEqual([]);
  });
});

describe('searchProducts', () => {
  beforeEach(() => {
    const imported = importCatalogue(store.db, DEMO, EUR);
    if (!imported.ok) throw new Error('the demo catalogue did not import');
  });

  it('finds products by every word of the name, in any case, by name', () => {
    expect(searchProducts(store.db, 'COFFEE', 20).products.map((p) => p.name)).toEqual([
      'Coffee beans 1 kg',
    ]);
    expect(searchProducts(store.db, 'oil virgin', 20).products.map((p) => p.name)).toEqual([
      'Extra virgin olive oil 500 ml',
    ]);
    const bananas = searchProducts(store.db, 'banan', 20).products;
    expect(bananas.map((p) => [p.name, p.soldBy])).toEqual([['Bananas (loose, per kg)', 'weight']]);
  });

  it('lists at most `limit` and says there are more', () => {
    const found = searchProducts(store.db, 'e', 3);
    expect(found.products).toHaveLength(3);
    expect(found.more).toBe(true);
    const names = found.products.map((p) => p.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('takes % and _ as plain text, and nothing for blank', () => {
    expect(searchProducts(store.db, '%', 20).products.map((p) => p.name)).toEqual([
      'Dark chocolate 72% 100 g',
    ]);
    expect(searchProducts(store.db, '_', 20).products).toEqual([]);
    expect(searchProducts(store.db, '   ', 20)).toEqual({ products: [], more: false });
  });
});
