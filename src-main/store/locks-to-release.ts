import type { Database } from 'better-sqlite3';
import { z } from 'zod';

const codeRow = z.object({ basket_code: z.string() });

/** Remembers a closed sale whose voucher locks the engine still holds (idempotent). */
export function rememberLocksToRelease(db: Database, basketCode: string, at: Date): void {
  db.prepare(
    `INSERT INTO locks_to_release (basket_code, recorded_at) VALUES (?, ?)
     ON CONFLICT (basket_code) DO NOTHING`,
  ).run(basketCode, at.getTime());
}

/** The basket codes whose locks are still to be released, oldest first. */
export function locksToRelease(db: Database): string[] {
  const rows: unknown[] = db
    .prepare('SELECT basket_code FROM locks_to_release ORDER BY recorded_at, basket_code')
    .all();
  return rows.map((row) => codeRow.parse(row).basket_code);
}

/** The engine released the basket's locks (or will never hold them): nothing left to do. */
export function forgetLocksToRelease(db: Database, basketCode: string): void {
  db.prepare('DELETE FROM locks_to_release WHERE basket_code = ?').run(basketCode);
}
