import {
  appendAudit,
  dropUnfinishedConfirm,
  handOverUnfinishedConfirm,
  listSales,
  rememberLocksToRelease,
  takeOverUnfinishedConfirms,
  unfinishedConfirm,
  voidSale,
  type OutboxEntry,
} from '../store';
import type { ResumedConfirm } from '../sync';
import { journalEngineSale } from './confirm';
import { withReturnShares } from './returns';
import { tendersOfPayments } from './tender';
import type { CoreContext } from './context';
import { releaseBasketLocks } from './lock-release';

export interface InterruptedSales {
  /** Stopped mid-confirm: the add-basket was replayed and the sale journaled from the answer. */
  readonly confirmed: readonly string[];
  /** Voided, their voucher locks released on the engine. */
  readonly released: readonly string[];
  /**
   * Still open: the engine could not be told. A stopped confirm stays in the outbox, which
   * sends it once the engine answers; any other sale is released by the next start.
   */
  readonly pending: readonly string[];
}

/**
 * The sales a previous run left open (the till was stopped or killed mid-sale). Read before
 * this run opens any sale or sends any confirm of its own, so that only the previous run's
 * sales are released, and the confirms it left unfinished belong to this run's recovery.
 */
export function salesLeftOpen(context: CoreContext): readonly string[] {
  takeOverUnfinishedConfirms(context.db);
  return listSales(context.db, 'open').map((sale) => sale.basketCode);
}

/**
 * Releases what interrupted sales still hold: a sale stopped mid-confirm has its add-basket
 * replayed; any other is priced empty under its own code, which frees its vouchers on the
 * engine, then voided and the void audited, in one transaction. A sale the engine cannot be
 * told about stays open for the next attempt. Should this stop on a fault, the confirms it took
 * over and did not reach go back to the outbox worker.
 */
export async function releaseInterruptedSales(
  context: CoreContext,
  basketCodes: readonly string[],
): Promise<InterruptedSales> {
  const confirmed: string[] = [];
  const released: string[] = [];
  const pending: string[] = [];
  let reached = 0;
  try {
    for (const basketCode of basketCodes) {
      reached += 1;
      const entry = unfinishedConfirm(context.db, basketCode);
      const finished = entry ? await finishConfirm(context, entry) : 'not_confirming';
      if (finished === 'confirmed') confirmed.push(basketCode);
      else if (finished === 'unanswered') pending.push(basketCode);
      else if (await releaseSale(context, basketCode)) released.push(basketCode);
      else {
        // the engine may hold its vouchers: released while online, before the next start
        rememberLocksToRelease(context.db, basketCode, new Date(context.now()));
        pending.push(basketCode);
      }
    }
  } finally {
    for (const basketCode of basketCodes.slice(reached))
      handOverUnfinishedConfirm(context.db, basketCode);
  }
  if (confirmed.length + released.length + pending.length > 0)
    context.log.info({ confirmed, released, pending }, 'sales interrupted by a restart');
  return { confirmed, released, pending };
}

/** The outbox worker's turn at an interrupted confirm it claimed: the same replay as at start. */
export async function resumeInterruptedConfirm(
  context: CoreContext,
  entry: OutboxEntry,
): Promise<ResumedConfirm> {
  const finished = await finishConfirm(context, entry);
  if (finished === 'refused') await releaseSale(context, entry.basketCode);
  return finished;
}

/**
 * A sale stopped between sending its add-basket and journaling the answer (its outbox entry,
 * in flight, belongs to the caller): replaying the same request is safe (the engine answers a replay
 * with what it stored), so the sale is journaled from that answer. A refusal means the engine
 * never stored it; no answer hands the entry to the outbox worker.
 */
async function finishConfirm(context: CoreContext, entry: OutboxEntry): Promise<ResumedConfirm> {
  const { basketCode } = entry;
  try {
    if (!entry.request.ok) {
      context.log.warn(
        { basketCode },
        `the add-basket of an interrupted confirm cannot be read: ${entry.request.error}`,
      );
      dropUnfinishedConfirm(context.db, basketCode);
      return 'refused';
    }
    const request = entry.request.value;
    const outcome = await context.engine.addBasket(request, 'sync');
    if (!outcome.ok && outcome.error.kind === 'unavailable') {
      context.connectivity.reportUnavailable();
      return 'unanswered';
    }
    context.connectivity.reportAnswered();
    if (!outcome.ok) {
      dropUnfinishedConfirm(context.db, basketCode);
      return 'refused';
    }
    journalEngineSale(
      context,
      await withReturnShares(context, request.sale()),
      outcome.value,
      outcome.warnings,
      request.confirmedAt ?? context.now(),
      tendersOfPayments(context.config.tender, request.payments()),
    );
    return 'confirmed';
  } finally {
    // unanswered, or stopped on a fault: from now on the outbox worker sends it
    handOverUnfinishedConfirm(context.db, basketCode);
  }
}

/** Prices the basket empty under its own code (freeing its vouchers), then voids and audits it. */
async function releaseSale(context: CoreContext, basketCode: string): Promise<boolean> {
  if ((await releaseBasketLocks(context, basketCode)) !== 'released') return false;
  const at = new Date(context.now());
  const voidWithAudit = () => {
    if (!voidSale(context.db, basketCode, at)) return;
    appendAudit(context.db, {
      at,
      actor: `terminal:${context.config.terminalId}`,
      action: 'sale_voided_after_restart',
      voucherKey: null,
      voucherCode: null,
      basketCode,
      subject: null,
      detail: 'the till stopped during this sale; its voucher locks were released',
    });
  };
  context.db.transaction(voidWithAudit).immediate();
  return true;
}
