import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Result } from '../../src-shared/result';
// the add-basket codec alone, not the client that talks to the engine
import { readEncodedAddBasket, type EncodedAddBasket } from '../engine-client/encoded-add-basket';

/**
 * `queued`: the sale is journaled and waits for the engine. `in_flight`: a confirm of this run is
 * sending it and owns it until it finishes (its sale is still open). `interrupted`: a confirm
 * that got no answer, or one the till stopped in; whoever sends it next journals the sale.
 */
export type OutboxState = 'queued' | 'in_flight' | 'interrupted';

/** A queued add-basket as the outbox holds it; `request` is checked again on every read. */
export interface OutboxEntry {
  readonly id: number;
  readonly basketCode: string;
  readonly state: OutboxState;
  /** The stored request, or why it no longer passes the wire schema. */
  readonly request: Result<EncodedAddBasket, string>;
  readonly createdAt: Date;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly lastError: string | null;
}

const outboxRow = z.object({
  id: z.number().int(),
  basket_code: z.string(),
  state: z.enum(['queued', 'in_flight', 'interrupted']),
  request: z.string(),
  created_at: z.number().int(),
  attempts: z.number().int(),
  next_attempt_at: z.number().int(),
  last_error: z.string().nullable(),
});

/**
 * Queues the sale's add-basket (its original confirmation time is inside the request). Call
 * inside the sale's transaction. When a confirm of this sale had the same request in flight,
 * that entry is the one queued, keeping its place. A request that breaks the wire schema is a
 * bug and throws.
 */
export function enqueueSale(
  db: Database,
  basketCode: string,
  request: EncodedAddBasket,
  at: Date,
): void {
  const stored = storable(basketCode, request);
  const wasInFlight = db
    .prepare(
      `UPDATE outbox SET state = 'queued' WHERE basket_code = ? AND state = 'in_flight' AND request = ?`,
    )
    .run(basketCode, stored);
  if (wasInFlight.changes === 1) return;
  insertEntry(db, basketCode, stored, at, 'queued');
}

/**
 * An online confirm's add-basket, written (and committed) before it is sent: a till killed
 * before the answer is journaled replays it at its next start instead of voiding a sale the
 * engine may hold. An unfinished entry an earlier confirm of the sale left is taken instead (see
 * {@link claimUnfinishedConfirm}); `fresh` is recorded only when there is none. The confirm owns
 * the entry until it journals, queues or drops it.
 */
export function startConfirm(
  db: Database,
  fresh: EncodedAddBasket,
  at: Date,
): EncodedAddBasket | 'busy' {
  const start = (): EncodedAddBasket | 'busy' => {
    const claimed = claimUnfinishedConfirm(db, fresh.basketCode);
    if (claimed !== undefined) return claimed;
    insertEntry(db, fresh.basketCode, storable(fresh.basketCode, fresh), at, 'in_flight');
    return fresh;
  };
  return db.transaction(start).immediate();
}

/**
 * A confirm of a sale whose earlier confirm stopped on a fault takes that entry (in flight from
 * now on) and sends its stored request, not one built again: a replay must be the very basket the
 * engine may already hold. Undefined when there is no such entry (or its request no longer
 * reads, and it is dropped); `busy` while another sender of this process has it in flight.
 */
export function claimUnfinishedConfirm(
  db: Database,
  basketCode: string,
): EncodedAddBasket | 'busy' | undefined {
  const claim = (): EncodedAddBasket | 'busy' | undefined => {
    const unfinished = unfinishedConfirm(db, basketCode);
    if (unfinished === undefined) return undefined;
    if (unfinished.state === 'in_flight') return 'busy';
    if (!unfinished.request.ok) {
      db.prepare('DELETE FROM outbox WHERE id = ?').run(unfinished.id);
      return undefined;
    }
    db.prepare(`UPDATE outbox SET state = 'in_flight' WHERE id = ?`).run(unfinished.id);
    return unfinished.request.value;
  };
  return db.transaction(claim).immediate();
}

/** The engine answered the confirm (journaled in the same transaction) or refused it: its entry goes. */
export function dropUnfinishedConfirm(db: Database, basketCode: string): void {
  db.prepare(`DELETE FROM outbox WHERE basket_code = ? AND state <> 'queued'`).run(basketCode);
}

/** The confirm got no answer (or stopped on a fault): the outbox worker sends it from now on. */
export function handOverUnfinishedConfirm(db: Database, basketCode: string): void {
  db.prepare(
    `UPDATE outbox SET state = 'interrupted' WHERE basket_code = ? AND state = 'in_flight'`,
  ).run(basketCode);
}

/** Takes an interrupted confirm to send it again; undefined when it is not (or no longer) interrupted. */
export function claimInterruptedConfirm(db: Database, basketCode: string): OutboxEntry | undefined {
  const raw: unknown = db
    .prepare(
      `UPDATE outbox SET state = 'in_flight' WHERE basket_code = ? AND state = 'interrupted' RETURNING *`,
    )
    .get(basketCode);
  return raw === undefined ? undefined : entryOf(raw);
}

/**
 * At start, before this run sends anything: every confirm a previous run left unfinished now
 * belongs to the caller (in flight), and one whose sale is no longer open is dropped (the
 * journal has the last word on it). The caller hands each one it does not finish back to the
 * outbox worker ({@link handOverUnfinishedConfirm}), also when it stops on a fault.
 */
export function takeOverUnfinishedConfirms(db: Database): void {
  const takeOver = () => {
    db.prepare(
      `DELETE FROM outbox WHERE state <> 'queued' AND basket_code NOT IN
         (SELECT basket_code FROM sales WHERE state = 'open')`,
    ).run();
    db.prepare(`UPDATE outbox SET state = 'in_flight' WHERE state = 'interrupted'`).run();
  };
  db.transaction(takeOver).immediate();
}

/** The unfinished confirm of this sale, if there is one (in flight or interrupted). */
export function unfinishedConfirm(db: Database, basketCode: string): OutboxEntry | undefined {
  const raw: unknown = db
    .prepare(`SELECT * FROM outbox WHERE basket_code = ? AND state <> 'queued'`)
    .get(basketCode);
  return raw === undefined ? undefined : entryOf(raw);
}

/** The sales waiting for the engine; an add-basket a confirm is sending right now is not one. */
export function countOutbox(db: Database): number {
  return z
    .number()
    .int()
    .parse(db.prepare(`SELECT count(*) FROM outbox WHERE state <> 'in_flight'`).pluck().get());
}

/** The entry to send next: the oldest, whether it is due or not (the outbox goes in order). */
export function oldestOutboxEntry(db: Database): OutboxEntry | undefined {
  const raw: unknown = db.prepare('SELECT * FROM outbox ORDER BY id LIMIT 1').get();
  return raw === undefined ? undefined : entryOf(raw);
}

function entryOf(raw: unknown): OutboxEntry {
  const row = outboxRow.parse(raw);
  return {
    id: row.id,
    basketCode: row.basket_code,
    state: row.state,
    request: readEncodedAddBasket(row.request),
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
  retry: { nextAttemptAt: Date; lastError: string; counted?: boolean },
): boolean {
  const result = db
    .prepare(
      `UPDATE outbox SET attempts = attempts + ?, next_attempt_at = ?, last_error = ? WHERE id = ?`,
    )
    .run(retry.counted === false ? 0 : 1, retry.nextAttemptAt.getTime(), retry.lastError, id);
  return result.changes === 1;
}

/**
 * The oldest entry is due now (the engine is back): its backoff waited out an absence, and
 * every queued sale waits behind it. True when it was waiting.
 */
export function retryOldestOutboxEntryNow(db: Database, now: Date): boolean {
  const result = db
    .prepare(
      `UPDATE outbox SET next_attempt_at = ?
       WHERE id = (SELECT MIN(id) FROM outbox) AND next_attempt_at > ?`,
    )
    .run(now.getTime(), now.getTime());
  return result.changes === 1;
}

/** Only once the engine acknowledged the sale, or it was parked as a conflict; false when already gone. */
export function removeOutboxEntry(db: Database, id: number): boolean {
  return db.prepare('DELETE FROM outbox WHERE id = ?').run(id).changes === 1;
}

function storable(basketCode: string, request: EncodedAddBasket): string {
  if (request.basketCode !== basketCode)
    throw new Error(`the queued add-basket is for another basket than ${basketCode}`);
  return request.text();
}

function insertEntry(
  db: Database,
  basketCode: string,
  request: string,
  at: Date,
  state: OutboxState,
): void {
  db.prepare(
    `INSERT INTO outbox (basket_code, request, created_at, next_attempt_at, state) VALUES (?, ?, ?, ?, ?)`,
  ).run(basketCode, request, at.getTime(), at.getTime(), state);
}
