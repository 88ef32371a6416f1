import type { Migration } from './migration';

/** Offline selling: the outbox of sales made offline, the honour-voucher cache, the sync cursor, sync conflicts. */
export const migration0002: Migration = {
  version: 2,
  name: '0002_offline_sync',
  up(db) {
    db.exec(`
      -- A queued add-basket, written in the sale's own transaction; removed only once the engine acknowledged it.
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        basket_code TEXT NOT NULL UNIQUE REFERENCES sales (basket_code),
        request TEXT NOT NULL CHECK (json_valid(request)),
        created_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT
      ) STRICT;
      CREATE INDEX outbox_due ON outbox (next_attempt_at, id);

      -- A mirror of the chain's honour vouchers (GET /sync/honour-vouchers); voucher holds the wire object.
      CREATE TABLE honour_cache (
        voucher_key TEXT PRIMARY KEY CHECK (length(voucher_key) = 64),
        code TEXT UNIQUE,
        honour_code TEXT NOT NULL,
        member_number TEXT,
        expires_at INTEGER,
        removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
        rev INTEGER NOT NULL CHECK (rev >= 0),
        voucher TEXT NOT NULL CHECK (json_valid(voucher)),
        used_locally_at INTEGER,
        used_locally_basket_code TEXT,
        updated_at INTEGER NOT NULL,
        CHECK ((used_locally_at IS NULL) = (used_locally_basket_code IS NULL))
      ) STRICT;

      CREATE TABLE sync_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE conflicts (
        id INTEGER PRIMARY KEY,
        basket_code TEXT NOT NULL REFERENCES sales (basket_code),
        reason TEXT NOT NULL,
        message TEXT NOT NULL,
        voucher_ref TEXT,
        created_at INTEGER NOT NULL,
        acknowledged_at INTEGER,
        acknowledged_by TEXT,
        CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL))
      ) STRICT;
      CREATE INDEX conflicts_open ON conflicts (created_at) WHERE acknowledged_at IS NULL;
    `);
  },
};
