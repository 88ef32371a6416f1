import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { err, ok, type Result } from '../../src-shared/result';
import {
  addBasketRequestSchema,
  describeIssues,
  issuesOf,
  type AddBasketRequest,
} from '../../src-shared/wire';

/** A queued add-basket as the outbox holds it; `request` is checked again on every read. */
export interface OutboxEntry {
  readonly id: number;
  readonly basketCode: string;
  /** The stored request, or why it no longer passes the wire schema. */
  readonly request: Result<AddBasketRequest, string>;
  readonly createdAt: Date;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly lastError: string | null;
}

const outboxRow = z.object({
  id: z.number().int(),
  basket_code: z.string(),
  request: z.string(),
  created_at: z.number().int(),
  attempts: z.number().int(),
  next_attempt_at: z.number().int(),
  last_error: z.string().nullable(),
});

/**
 * Queues the sale's add-basket (its original confirmation time is inside the request). Call
 * inside the sale's transaction. A request that breaks the wire schema is a bug and throws.
 */
export function enqueueSale(
  db: Database,
  basketCode: string,
  request: AddBasketRequest,
  at: Date,
): void {
  const checked = addBasketRequestSchema.safeParse(request);
  if (!checked.success)
    throw new Error(`the queued add-basket is invalid: ${describeIssues(issuesOf(checked.error))}`);
  if (checked.data.basket.retailer_basket_code !== basketCode)
    throw new Error(`the queued add-basket is for another basket than ${basketCode}`);
  // the request as built, not as parsed: sent again it must be the very same basket (docs/architecture.md, "Locking and redemption")
  db.prepare(
    `INSERT INTO outbox (basket_code, request, created_at, next_attempt_at) VALUES (?, ?, ?, ?)`,
  ).run(basketCode, JSON.stringify(request), at.getTime(), at.getTime());
}

export function countOutbox(db: Database): number {
  return z.number().int().parse(db.prepare('SELECT count(*) FROM outbox').pluck().get());
}

/** The entry to send next: the oldest, whether it is due or not (the outbox goes in order). */
export function oldestOutboxEntry(db: Database): OutboxEntry | undefined {
  const raw: unknown = db.prepare('SELECT * FROM outbox ORDER BY id LIMIT 1').get();
  if (raw === undefined) return undefined;
  const row = outboxRow.parse(raw);
  return {
    id: row.id,
    basketCode: row.basket_code,
    request: storedRequest(row.request),
    createdAt: new Date(row.created_at),
    attempts: row.attempts,
    nextAttemptAt: new Date(row.next_attempt_at),
    lastError: row.last_error,
  };
}

/** A failed attempt: counts it and says when to try again. */
export function deferOutboxEntry(
  db: Database,
  id: number,
  retry: { nextAttemptAt: Date; lastError: string },
): boolean {
  const result = db
    .prepare(
      `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?`,
    )
    .run(retry.nextAttemptAt.getTime(), retry.lastError, id);
  return result.changes === 1;
}

/** Only once the engine acknowledged the sale, or it was parked as a conflict; false when already gone. */
export function removeOutboxEntry(db: Database, id: number): boolean {
  return db.prepare('DELETE FROM outbox WHERE id = ?').run(id).changes === 1;
}

function storedRequest(text: string): Result<AddBasketRequest, string> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err('the stored request is not JSON');
  }
  const parsed = addBasketRequestSchema.safeParse(json);
  return parsed.success ? ok(parsed.data) : err(describeIssues(issuesOf(parsed.error)));
}
