import type { Migration } from './migration';

/**
 * What each confirmed return gave back of which line of which sale: a return is refused beyond
 * what the line bought less what earlier returns of this till took back, also while the engine
 * is away. One row per return line; it is written with the return's journal entry.
 */
export const migration0006: Migration = {
  version: 6,
  name: '0006_sale_returns',
  up(db) {
    db.exec(`
      CREATE TABLE sale_returns (
        return_basket_code TEXT NOT NULL REFERENCES sales (basket_code),
        return_line_id TEXT NOT NULL,
        original_basket_code TEXT NOT NULL,
        original_line_id TEXT NOT NULL,
        quantity REAL NOT NULL CHECK (quantity > 0),
        PRIMARY KEY (return_basket_code, return_line_id)
      ) STRICT;
      CREATE INDEX sale_returns_by_original ON sale_returns (original_basket_code, original_line_id);
    `);
  },
};
