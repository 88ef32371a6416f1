import { err, ok, type Result } from '../../src-shared/result';
import type { SaleView, TillError } from '../../src-shared/till';
import type { EncodedAddBasket } from '../engine-client';
import {
  confirmSale,
  enqueueSale,
  findCachedHonour,
  findSale,
  markHonourUsedLocally,
  type JournalSale,
  type PricedBy,
} from '../store';
import type { CoreContext } from './context';
import { journalContent } from './journal-entry';
import type { OpenSale } from './sale-pricing';
import type { SaleTenders } from './tender';

/** An expected reason to roll the commit back, told to the cashier (thrown only to undo the transaction). */
class CommitRefused extends Error {
  constructor(readonly refusal: TillError) {
    super(refusal.message);
  }
}

type AppliedVoucher = SaleView['applied'][number];

/** A confirmed sale's add-basket (to send, or to queue) and when the cashier confirmed it. */
export interface ConfirmedRequest {
  readonly request: EncodedAddBasket;
  readonly confirmedAt: number;
  /** The tenders the cashier recorded (the request's `payment_methods`); none from a host POS. */
  readonly tenders: SaleTenders;
}

/**
 * The honour vouchers whose local use this sale records. Priced locally, each came from the
 * cache and must still be free there. Priced by the engine (its add-basket then went
 * unanswered), the engine locked them to this basket; those the cache holds are marked too,
 * so that no later offline sale on this till takes them again.
 */
function honourToMark(
  context: CoreContext,
  applied: readonly AppliedVoucher[],
  pricedBy: PricedBy,
): AppliedVoucher[] {
  return applied.filter((voucher) => {
    if (voucher.type !== 'honour') return false;
    if (pricedBy === 'local') return true;
    if (voucher.code === null) return false;
    return findCachedHonour(context.db, voucher.code)?.voucherKey === voucher.voucherKey;
  });
}

/**
 * Confirms a sale the engine has not acknowledged (docs/architecture.md, "Offline and sync"): the journal entry, the local use of
 * each honour voucher and the outbox entry commit in one transaction, or none of them does. The
 * entry is `request` as it is (with the original confirmation time): when the confirm sent it
 * and got no answer, what is queued is the very basket the engine may already hold.
 */
export function commitOffline(
  context: CoreContext,
  sale: OpenSale,
  pricedBy: PricedBy,
  { request, confirmedAt, tenders }: ConfirmedRequest,
): Result<JournalSale, TillError> {
  const { state, view } = sale;
  const { db } = context;
  const basketCode = state.basketCode;
  const commit = (): JournalSale => {
    const at = new Date(context.now());
    const confirmed = confirmSale(db, basketCode, {
      memberNumber: state.memberNumber,
      pricedBy,
      engineBasketId: null,
      confirmedAt: new Date(confirmedAt),
      syncedAt: null,
      ...journalContent(view),
      tenders,
    });
    if (!confirmed)
      throw new CommitRefused({
        code: 'sale_already_closed',
        message: `Sale ${basketCode} is no longer open.`,
      });
    for (const voucher of honourToMark(context, view.applied, pricedBy)) {
      if (!markHonourUsedLocally(db, voucher.voucherKey, basketCode, at))
        throw new CommitRefused({
          code: 'conflict',
          message: `Voucher ${voucher.code ?? voucher.voucherKey} was already used on this till by another sale: this sale was not confirmed. Check it and confirm again.`,
        });
    }
    enqueueSale(db, basketCode, request, at);
    const stored = findSale(db, basketCode);
    if (!stored) throw new Error(`sale ${basketCode} vanished from the journal`);
    return stored;
  };
  try {
    return ok(db.transaction(commit).immediate());
  } catch (error) {
    if (error instanceof CommitRefused) return err(error.refusal);
    throw error;
  }
}
