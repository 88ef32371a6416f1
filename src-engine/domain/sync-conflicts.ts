import type { Selectable } from 'kysely';
import { ok } from '../../src-shared/result';
import type { SyncConflictTable } from '../db/schema';
import { inTransaction } from '../db/transaction';
import type { Db } from '../db/connect';
import { findStore } from '../repo/stores';
import { findVoucher, type Executor } from '../repo/vouchers';
import { storeRefusal, type Actor } from './actor';
import { refuse, type Outcome } from './refusal';

export type SyncConflictRow = Selectable<SyncConflictTable>;

/** One conflict as a till reports it (its fields as on the wire). */
export interface ReportedSyncConflict {
  readonly basket_code: string;
  readonly reason: string;
  readonly message: string;
  readonly voucher_ref: string | null;
  readonly occurred_at: number;
}

/** How long an acknowledged conflict stays on the store's list. */
export const ACKNOWLEDGED_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

/** The till that reports: its store and terminal. */
export interface ReportingTill {
  readonly storeCode: string;
  readonly terminalId: string;
}

export interface RecordedConflicts {
  /** Each reported conflict as the engine keeps it, in the order reported. */
  readonly rows: readonly SyncConflictRow[];
  /** How many of them were new. */
  readonly recorded: number;
}

/**
 * Keeps what a till's sync found, once per basket and voucher: a report sent again (its
 * answer lost) or a conflict another till reports too is answered with the row kept already.
 * The voucher is named by its own code where the engine knows it, and the basket that redeemed
 * it is kept as the winner.
 */
export async function recordSyncConflicts(
  db: Pick<Db, 'kysely'>,
  actor: Actor,
  till: ReportingTill,
  conflicts: readonly ReportedSyncConflict[],
  now: number,
): Promise<Outcome<RecordedConflicts>> {
  const outside = storeRefusal(actor, till.storeCode);
  if (outside) return outside;
  return inTransaction(db.kysely, async (trx) => {
    if (!(await findStore(trx, actor.chainId, till.storeCode)))
      return refuse(
        'invalid_parameters',
        `till_id: there is no store ${till.storeCode} in this chain`,
      );
    const rows: SyncConflictRow[] = [];
    let recorded = 0;
    for (const conflict of conflicts) {
      const voucher = await voucherOf(trx, actor.chainId, conflict.voucher_ref);
      const slot = voucher?.code ?? conflict.voucher_ref ?? '';
      const inserted = await trx
        .insertInto('sync_conflicts')
        .values({
          chain_id: actor.chainId,
          store_code: till.storeCode,
          terminal_id: till.terminalId,
          basket_code: conflict.basket_code,
          voucher_slot: slot,
          reason: conflict.reason,
          message: conflict.message,
          winner_basket_code: winnerOf(voucher, conflict.basket_code)?.code ?? null,
          winner_store_code: winnerOf(voucher, conflict.basket_code)?.storeCode ?? null,
          winner_terminal_id: winnerOf(voucher, conflict.basket_code)?.terminalId ?? null,
          reported_by: actor.name,
          occurred_at: conflict.occurred_at,
          recorded_at: now,
        })
        .onConflict((on) => on.columns(['chain_id', 'basket_code', 'voucher_slot']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) recorded += 1;
      rows.push(
        await trx
          .selectFrom('sync_conflicts')
          .selectAll()
          .where('chain_id', '=', actor.chainId)
          .where('basket_code', '=', conflict.basket_code)
          .where('voucher_slot', '=', slot)
          .executeTakeFirstOrThrow(),
      );
    }
    return ok({ rows, recorded });
  });
}

interface Winner {
  readonly code: string;
  readonly storeCode: string | null;
  readonly terminalId: string | null;
}

type FoundVoucher = { readonly code: string | null; readonly winner: Winner | null } | undefined;

function winnerOf(voucher: FoundVoucher, basketCode: string): Winner | null {
  const winner = voucher?.winner ?? null;
  return winner === null || winner.code === basketCode ? null : winner;
}

/** The voucher a till named (by its code, else its key) and the basket that redeemed it. */
async function voucherOf(db: Executor, chainId: number, ref: string | null): Promise<FoundVoucher> {
  if (ref === null) return undefined;
  const row =
    (await findVoucher(db, chainId, { code: ref })) ??
    (/^[0-9a-f]{16,64}$/i.test(ref) ? await findVoucher(db, chainId, { key: ref }) : undefined);
  if (!row) return undefined;
  if (row.redeemed_basket_id === null) return { code: row.code, winner: null };
  const basket = await db
    .selectFrom('baskets')
    .select(['retailer_basket_code', 'store_code', 'employee_code'])
    .where('id', '=', row.redeemed_basket_id)
    .executeTakeFirst();
  return {
    code: row.code,
    winner:
      basket?.retailer_basket_code == null
        ? null
        : {
            code: basket.retailer_basket_code,
            storeCode: basket.store_code,
            terminalId: basket.employee_code,
          },
  };
}

/**
 * The store's conflicts a manager sees: every open one, oldest first, then those acknowledged
 * within {@link ACKNOWLEDGED_KEPT_MS}, newest first.
 */
export async function listSyncConflicts(
  db: Executor,
  actor: Actor,
  storeCode: string | null,
  now: number,
): Promise<Outcome<{ storeCode: string; rows: SyncConflictRow[] }>> {
  const store = storeCode ?? actor.storeCode ?? null;
  if (store === null)
    return refuse('invalid_parameters', 'store_code: name the store whose conflicts to list');
  const outside = storeRefusal(actor, store);
  if (outside) return outside;
  const rows = await db
    .selectFrom('sync_conflicts')
    .selectAll()
    .where('chain_id', '=', actor.chainId)
    .where('store_code', '=', store)
    .where((where) =>
      where.or([
        where('acknowledged_at', 'is', null),
        where('acknowledged_at', '>=', now - ACKNOWLEDGED_KEPT_MS),
      ]),
    )
    .orderBy('id')
    .limit(500)
    .execute();
  const open = rows.filter((row) => row.acknowledged_at === null);
  const seen = rows
    .filter((row) => row.acknowledged_at !== null)
    .sort((a, b) => (b.acknowledged_at ?? 0) - (a.acknowledged_at ?? 0) || b.id - a.id);
  return ok({ storeCode: store, rows: [...open, ...seen] });
}

/**
 * A manager of the conflict's store marks it dealt with, keeping who, when and the note.
 * Acknowledging it again is refused (409 naming who did it first): the first note stands.
 */
export async function acknowledgeSyncConflict(
  db: Pick<Db, 'kysely'>,
  actor: Actor,
  id: number,
  note: string,
  now: number,
): Promise<Outcome<SyncConflictRow>> {
  return inTransaction(db.kysely, async (trx) => {
    const row = await trx
      .selectFrom('sync_conflicts')
      .selectAll()
      .where('chain_id', '=', actor.chainId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || storeRefusal(actor, row.store_code))
      return refuse('sync_conflict_not_found', `there is no sync conflict ${id} in your store`);
    if (row.acknowledged_at !== null)
      return refuse(
        'sync_conflict_already_acknowledged',
        `sync conflict ${id} was already acknowledged by ${row.acknowledged_by ?? 'a manager'}`,
      );
    const changed = await trx
      .updateTable('sync_conflicts')
      .set({ acknowledged_at: now, acknowledged_by: actor.name, acknowledgement_note: note })
      .where('id', '=', id)
      .where('acknowledged_at', 'is', null)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1)
      return refuse(
        'sync_conflict_already_acknowledged',
        `sync conflict ${id} was just acknowledged`,
      );
    return ok({
      ...row,
      acknowledged_at: now,
      acknowledged_by: actor.name,
      acknowledgement_note: note,
    });
  });
}
