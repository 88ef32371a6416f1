import type { Migration } from './migration';

/**
 * The till core: the catalogue, the sale journal, the local audit log and the basket-code counter.
 * Instants are INTEGER epoch milliseconds (UTC); amounts INTEGER minor units of the sale's currency.
 */
export const migration0001: Migration = {
  version: 1,
  name: '0001_till_core',
  up(db) {
    db.exec(`
      CREATE TABLE catalogue (
        barcode TEXT PRIMARY KEY CHECK (length(barcode) BETWEEN 1 AND 64),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        -- per unit, or per kilogram when sold_by = 'weight'
        unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
        sold_by TEXT NOT NULL DEFAULT 'unit' CHECK (sold_by IN ('unit', 'weight')),
        excluded INTEGER NOT NULL DEFAULT 0 CHECK (excluded IN (0, 1)),
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- One row per sale. Lines, per-line voucher shares, vouchers redeemed and warnings live in
      -- payload: a confirmed sale is immutable and always read whole.
      CREATE TABLE sales (
        id INTEGER PRIMARY KEY,
        basket_code TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL CHECK (state IN ('open', 'confirmed', 'voided')),
        member_number TEXT,
        currency TEXT NOT NULL CHECK (length(currency) = 3),
        total_gross INTEGER NOT NULL DEFAULT 0,
        total_discount INTEGER NOT NULL DEFAULT 0,
        total_net INTEGER NOT NULL DEFAULT 0,
        priced_by TEXT NOT NULL DEFAULT 'engine' CHECK (priced_by IN ('engine', 'local')),
        engine_basket_id INTEGER,
        started_at INTEGER NOT NULL,
        confirmed_at INTEGER,
        voided_at INTEGER,
        -- when the engine acknowledged the sale; NULL while an offline sale waits in the outbox
        synced_at INTEGER,
        payload TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload)),
        CHECK (total_net = total_gross - total_discount),
        CHECK ((state = 'confirmed') = (confirmed_at IS NOT NULL)),
        CHECK ((state = 'voided') = (voided_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX sales_by_state ON sales (state, started_at);
      CREATE INDEX sales_by_confirmed_at ON sales (confirmed_at) WHERE confirmed_at IS NOT NULL;

      CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL CHECK (length(actor) > 0),
        action TEXT NOT NULL CHECK (length(action) > 0),
        voucher_key TEXT,
        basket_code TEXT,
        detail TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX audit_by_at ON audit (at);
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

      -- Rows are never deleted: a day's counter only grows, so a code is never handed out twice.
      CREATE TABLE basket_code_sequence (
        store_code TEXT NOT NULL,
        terminal_id TEXT NOT NULL,
        day TEXT NOT NULL CHECK (length(day) = 8 AND day NOT GLOB '*[^0-9]*'),
        last_seq INTEGER NOT NULL CHECK (last_seq > 0),
        PRIMARY KEY (store_code, terminal_id, day)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
