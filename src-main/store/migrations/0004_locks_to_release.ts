import type { Migration } from './migration';

/**
 * The basket codes of voided sales whose voucher locks the engine could not be told to release
 * (it was away): released, and forgotten, once the engine answers again.
 */
export const migration0004: Migration = {
  version: 4,
  name: '0004_locks_to_release',
  up(db) {
    db.exec(`
      CREATE TABLE locks_to_release (
        basket_code TEXT PRIMARY KEY,
        recorded_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
