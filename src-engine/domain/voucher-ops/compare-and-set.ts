import type { Selectable, Transaction, Updateable } from 'kysely';
import { err, ok, type Result } from '../../../src-shared/result';
import type { Database, VoucherTable } from '../../db/schema';
import { touchHonourRev } from '../../repo/vouchers';
import type { Actor } from '../actor';
import { audit } from '../audit';
import type { AuditAction } from '../audit-action';
import { refuse, type Outcome, type Refusal } from '../refusal';
import type { Guard } from './guards';

/** One state change of one voucher, decided from its row. */
export interface VoucherChange {
  readonly set: Updateable<VoucherTable>;
  /** The conditions the decision relied on, checked again by the update. */
  readonly guard?: Guard;
  /** The audit lines the change writes, in order (each becomes an event). */
  readonly audits: readonly AuditAction[];
  readonly basketCode?: string | null;
  readonly reason?: string | null;
  /** False: the till's honour-voucher feed does not carry it (a basket's locks, set at every pricing). */
  readonly inHonourFeed?: boolean;
}

/**
 * Decides the change for a row, with the voucher rule: the refusal, or null when the voucher
 * is already as wanted.
 */
export type Decide<Row> = (row: Row) => Outcome<VoucherChange | null>;

type StoredVoucher = Pick<Selectable<VoucherTable>, 'id' | 'chain_id' | 'voucher_type'>;

export interface CompareAndSet<Row extends StoredVoucher> {
  /** The row as this transaction read it. */
  readonly row: Row;
  /** The row as it is now, in this transaction; a refusal when it is gone. */
  readonly reread: (row: Row) => Promise<Outcome<Row>>;
  /** Names the voucher in the refusal of one that keeps changing. */
  readonly name: (row: Row) => string;
  readonly decide: Decide<Row>;
}

/**
 * The engine's one retry policy: how often an attempt that lost a race (another request changed
 * what it read before its conditional update) is made again from a fresh read.
 */
export const COMPARE_AND_SET_ATTEMPTS = 3;

/** An attempt another request overtook: its conditional update changed nothing. */
export interface LostRace {
  readonly code: 'lost_race';
}

export const LOST_RACE: LostRace = { code: 'lost_race' };

/** What one attempt answers: its value, a refusal to pass on, or a lost race to make again. */
export type Attempt<T> = Result<T, Refusal | LostRace>;

/**
 * Makes `attempt` again while it loses races, up to COMPARE_AND_SET_ATTEMPTS times; then refuses,
 * naming what kept changing. `attempt` reads afresh each time (it is told which attempt it is).
 */
export async function retryLostRaces<T>(
  attempt: (number: number) => Promise<Attempt<T>>,
  changing: () => string,
): Promise<Outcome<T>> {
  for (let number = 1; number <= COMPARE_AND_SET_ATTEMPTS; number += 1) {
    const outcome = await attempt(number);
    if (outcome.ok) return outcome;
    if (outcome.error.code !== 'lost_race') return err(outcome.error);
  }
  return refuse(
    'voucher_state_conflict',
    `${changing()} kept changing under this request; try again`,
  );
}

/**
 * Applies a decision as one conditional update whose WHERE re-checks what the decision read,
 * with its audit lines, in the caller's transaction. An update that changes nothing lost a race:
 * the fresh row decides again, so a loser gets the refusal that fits what the winner did. Answers
 * the row after the change and the change made (null: none was needed).
 */
export async function compareAndSet<Row extends StoredVoucher>(
  trx: Transaction<Database>,
  actor: Actor,
  now: number,
  target: CompareAndSet<Row>,
): Promise<Outcome<Changed<Row>>> {
  let row = target.row;
  return retryLostRaces(
    async (number) => {
      if (number > 1) {
        const fresh = await target.reread(row);
        if (!fresh.ok) return fresh;
        row = fresh.value;
      }
      return compareAndSetOnce(trx, actor, now, { ...target, row });
    },
    () => target.name(row),
  );
}

export interface Changed<Row> {
  readonly row: Row;
  readonly change: VoucherChange | null;
}

/**
 * One attempt of `compareAndSet`, for a caller whose lost race restarts more than this one
 * decision (get-basket-price prices the basket again): the lost race is answered, not retried.
 */
export async function compareAndSetOnce<Row extends StoredVoucher>(
  trx: Transaction<Database>,
  actor: Actor,
  now: number,
  target: CompareAndSet<Row>,
): Promise<Attempt<Changed<Row>>> {
  const { row } = target;
  const decided = target.decide(row);
  if (!decided.ok) return decided;
  const change = decided.value;
  if (change === null) return ok({ row, change });
  let update = trx.updateTable('vouchers').set(change.set).where('id', '=', row.id);
  if (change.guard) update = update.where(change.guard);
  const { numUpdatedRows } = await update.executeTakeFirst();
  if (numUpdatedRows !== 1n) return err(LOST_RACE);
  if (change.inHonourFeed !== false) await touchHonourRev(trx, row);
  for (const action of change.audits)
    await audit(trx, actor, action, now, {
      voucherId: row.id,
      basketCode: change.basketCode ?? null,
      reason: change.reason ?? null,
    });
  const fresh = await target.reread(row);
  return fresh.ok ? ok({ row: fresh.value, change }) : fresh;
}
