import type { Migration } from './migration';

/**
 * How each confirmed sale was paid: one row per tender, in the order given. `tendered` is what
 * was handed over, `amount` what it paid of the sale (negative: paid back), `change` what was
 * given back, `rounding` what cash rounding added to what was due; `late` marks a tender taken
 * after the confirm (what was still to collect once a voucher was lost).
 */
export const migration0007: Migration = {
  version: 7,
  name: '0007_sale_tenders',
  up(db) {
    db.exec(`
      CREATE TABLE sale_tenders (
        id INTEGER PRIMARY KEY,
        basket_code TEXT NOT NULL REFERENCES sales (basket_code),
        position INTEGER NOT NULL CHECK (position >= 0),
        method TEXT NOT NULL CHECK (length(method) > 0),
        kind TEXT NOT NULL CHECK (kind IN ('cash', 'card', 'other')),
        name TEXT,
        tendered INTEGER NOT NULL,
        amount INTEGER NOT NULL,
        change INTEGER NOT NULL DEFAULT 0 CHECK (change >= 0),
        rounding INTEGER NOT NULL DEFAULT 0,
        late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
        recorded_at INTEGER NOT NULL,
        UNIQUE (basket_code, position),
        CHECK (amount = tendered - change OR amount = -tendered)
      ) STRICT;
    `);
  },
};
