import type { ReceiptView, Tender, TillHandlers, TillResult } from '../../src-shared/till';
import { encodeAddBasket, type EngineWarning, type StoredBasket } from '../engine-client';
import { enginePricing } from '../sale/engine-pricing';
import { saleView } from '../sale/sale-view';
import type { SaleState } from '../sale/sale-state';
import {
  claimUnfinishedConfirm,
  confirmSale,
  dropUnfinishedConfirm,
  findSale,
  handOverUnfinishedConfirm,
  startConfirm,
  type JournalSale,
} from '../store';
import { viewContext, type CoreContext } from './context';
import { tillErrorOf } from './engine-errors';
import { tillError } from './till-error-words';
import { journalContent } from './journal-entry';
import { commitOffline, type ConfirmedRequest } from './offline-confirm';
import { priceLocally, sellWithoutRefusedCard } from './sale-pricing';
import type { SaleBook, SaleEntry } from './sale-book';
import { collectLate } from './collect';
import { receiptPaymentOf, settleSale, type SaleTenders } from './tender';

type ConfirmHandlers = Pick<TillHandlers, 'sale/confirm' | 'receipt/get' | 'receipt/collect'>;

/**
 * Writes what the engine stored: lines with their voucher shares, vouchers redeemed, warnings;
 * its outbox entry goes in the same transaction.
 */
export function journalEngineSale(
  context: CoreContext,
  state: SaleState,
  results: StoredBasket,
  warnings: readonly EngineWarning[],
  confirmedAt: number,
  tenders: SaleTenders = [],
): JournalSale {
  const view = saleView(
    state,
    enginePricing(results, warnings, state.voucherCodes),
    viewContext(context),
  );
  const redeemedKeys = new Set(results.redeemedKeys);
  // A replay redeems nothing anew: what this basket redeemed the first time is what it applied.
  const redeemed = view.applied.filter(
    (voucher) => results.replayed || redeemedKeys.has(voucher.voucherKey),
  );
  const record = () => {
    confirmSale(context.db, state.basketCode, {
      memberNumber: state.memberNumber,
      pricedBy: 'engine',
      engineBasketId: results.basketId,
      confirmedAt: new Date(confirmedAt),
      syncedAt: new Date(context.now()),
      ...journalContent({ ...view, applied: redeemed }),
      vouchersCreated: results.created,
      tenders,
    });
    dropUnfinishedConfirm(context.db, state.basketCode);
    return findSale(context.db, state.basketCode);
  };
  const stored = context.db.transaction(record).immediate();
  if (!stored) throw new Error(`sale ${state.basketCode} vanished from the journal`);
  return stored;
}

/** What the screen says the customer paid with, for the total it showed (none: a host POS took it). */
export interface ConfirmPayment {
  readonly tenders?: readonly Tender[] | undefined;
  readonly due?: number | undefined;
}

/**
 * Waits until the sale is priced as it stands, the total the customer pays: the one the
 * pricing in flight comes to, or the till's own once it is offline. The tenders must then
 * cover that total, the one the screen showed.
 */
export async function pricedToConfirm(
  context: CoreContext,
  entry: SaleEntry,
  payment: ConfirmPayment,
): Promise<TillResult<SaleTenders>> {
  const { sale } = entry;
  if (sale.state.lines.length === 0)
    return { ok: false, error: tillError('invalid_input', 'sale_has_no_items', {}) };
  sale.confirming = true;
  try {
    await settledOrOffline(context, entry);
    // a card the engine refused never stops a sale the customer pays: it is sold without it
    sellWithoutRefusedCard(sale);
    if (sale.pricedState !== sale.state) await entry.reprice();
  } finally {
    sale.confirming = false;
  }
  if (sale.pricedState !== sale.state) {
    const why = sale.view.notices.map((notice) => notice.message).join(' ');
    return { ok: false, error: { code: 'engine_rejected', message: why } };
  }
  // what the customer pays: the basket's net, as the last pricing worked it out
  const paid = sale.view.totals.net;
  if (payment.due !== undefined && payment.due !== paid)
    return { ok: false, error: tillError('conflict', 'tender_total_changed', { amount: paid }) };
  // without tenders a host POS took the payment; with them, they must cover the total
  const settled =
    payment.tenders === undefined ? null : settleSale(context.config.tender, paid, payment.tenders);
  if (settled && !settled.ok) return settled;
  return { ok: true, value: settled?.value ?? [] };
}

async function confirmOpen(
  context: CoreContext,
  book: SaleBook,
  entry: SaleEntry,
  payment: ConfirmPayment,
): Promise<TillResult<ReceiptView>> {
  const { sale } = entry;
  const priced = await pricedToConfirm(context, entry, payment);
  if (!priced.ok) return priced;
  const tenders = priced.value;
  const paid = sale.view.totals.net;
  sale.confirmedAt ??= context.now();
  const { basketCode } = sale.state;
  const appliedKeys = sale.view.applied.map((voucher) => voucher.voucherKey);
  const fresh = encodeAddBasket(
    sale.state,
    context.config,
    appliedKeys,
    sale.confirmedAt,
    paid,
    tenders,
  );
  // Priced by the till alone, or with the engine known to be away: straight into the outbox.
  const offline = sale.view.pricedBy === 'local' || !context.connectivity.isOnline();
  const request = offline
    ? (claimUnfinishedConfirm(context.db, basketCode) ?? fresh)
    : startConfirm(context.db, fresh, new Date(context.now()));
  if (request === 'busy') {
    const message = `Sale ${basketCode} is being sent to the engine right now: confirm it again in a moment.`;
    return { ok: false, error: { code: 'conflict', message } };
  }
  const sending = { request, confirmedAt: sale.confirmedAt, tenders };
  try {
    return await (offline
      ? confirmOffline(context, book, entry, sending)
      : confirmOnline(context, book, entry, sending));
  } finally {
    // still in flight only when something threw: the outbox worker finishes it
    handOverUnfinishedConfirm(context.db, basketCode);
  }
}

/**
 * Waits for the pricing in flight, but no longer than the till stays online: once it is offline
 * the till prices the sale alone and the confirm goes on (a late answer finds the sale closed).
 */
async function settledOrOffline(context: CoreContext, entry: SaleEntry): Promise<void> {
  let stopFollowing = (): void => undefined;
  const offline = new Promise<void>((resolve) => {
    if (!context.connectivity.isOnline()) resolve();
    stopFollowing = context.connectivity.onChange((online) => {
      if (!online) resolve();
    });
  });
  try {
    await Promise.race([entry.settled(), offline]);
  } finally {
    stopFollowing();
  }
  if (entry.sale.waitingSince !== null) priceLocally(context, entry.sale, entry.sale.state);
}

/** Sends the add-basket its outbox entry holds; every way out journals, queues or drops that entry. */
async function confirmOnline(
  context: CoreContext,
  book: SaleBook,
  entry: SaleEntry,
  sending: ConfirmedRequest,
): Promise<TillResult<ReceiptView>> {
  const { sale } = entry;
  const { basketCode } = sale.state;
  const outcome = await context.engine.addBasket(sending.request);
  if (!outcome.ok && outcome.error.kind === 'unavailable') {
    context.connectivity.reportUnavailable();
    return confirmOffline(context, book, entry, sending);
  }
  context.connectivity.reportAnswered();
  if (!outcome.ok) {
    dropUnfinishedConfirm(context.db, basketCode);
    return { ok: false, error: tillErrorOf(outcome.error, 'sale') };
  }
  if (outcome.value.replayed) context.log.info({ basketCode }, 'the engine already had this sale');
  const stored = journalEngineSale(
    context,
    sale.state,
    outcome.value,
    outcome.warnings,
    sending.confirmedAt,
    sending.tenders,
  );
  book.close(sale.state.saleId);
  return { ok: true, value: receiptOf(stored, context.config.locale) };
}

/**
 * Commits the sale with its outbox entry (the add-basket sent, if one was); a refusal (a voucher
 * used meanwhile) drops an unfinished entry and reprices the sale.
 */
async function confirmOffline(
  context: CoreContext,
  book: SaleBook,
  entry: SaleEntry,
  sending: ConfirmedRequest,
): Promise<TillResult<ReceiptView>> {
  const { sale } = entry;
  const committed = commitOffline(context, sale, sale.view.pricedBy, sending);
  if (!committed.ok) {
    dropUnfinishedConfirm(context.db, sale.state.basketCode);
    sale.pricedState = null;
    await entry.reprice();
    return committed;
  }
  context.log.info(
    { basketCode: sale.state.basketCode },
    'sale confirmed offline, queued for the engine',
  );
  book.close(sale.state.saleId);
  return { ok: true, value: receiptOf(committed.value, context.config.locale) };
}

/** How a till confirms an open sale, and where it finds the receipt of one it confirmed. */
export interface ConfirmWay {
  confirm(entry: SaleEntry, payment: ConfirmPayment): Promise<TillResult<ReceiptView>>;
  receipt(basketCode: string): ReceiptView | undefined;
}

/** A real sale: redeemed on the engine, or queued; journalled either way. */
export function journalConfirm(context: CoreContext, book: SaleBook): ConfirmWay {
  return {
    confirm: (entry, payment) => confirmOpen(context, book, entry, payment),
    receipt: (basketCode) => {
      const sale = findSale(context.db, basketCode);
      return sale?.state === 'confirmed' ? receiptOf(sale, context.config.locale) : undefined;
    },
  };
}

export function confirmHandlers(
  context: CoreContext,
  book: SaleBook,
  way: ConfirmWay = journalConfirm(context, book),
): ConfirmHandlers {
  // A retry while the first confirm is still running waits for it rather than sending again.
  const inFlight = new Map<string, Promise<TillResult<ReceiptView>>>();
  const confirmed = (basketCode: string): TillResult<ReceiptView> | null => {
    const receipt = way.receipt(basketCode);
    return receipt ? { ok: true, value: receipt } : null;
  };
  return {
    'sale/confirm': async ({ saleId, tenders, due }) => {
      const running = inFlight.get(saleId);
      if (running) return running;
      const found = book.findToConfirm(saleId);
      if (!found.ok) return confirmed(saleId) ?? found;
      const confirming = way.confirm(found.value, { tenders, due }).finally(() => {
        inFlight.delete(saleId);
      });
      inFlight.set(saleId, confirming);
      return confirming;
    },
    'receipt/get': ({ basketCode }) =>
      Promise.resolve(
        confirmed(basketCode) ?? {
          ok: false,
          error: tillError('not_found', 'receipt_not_found', { basketCode }),
        },
      ),
    'receipt/collect': ({ basketCode, tender }) => collectLate(context, basketCode, tender),
  };
}

/** A confirmed sale as the journal holds it, the same for the first answer and every later one. */
export function receiptOf(sale: JournalSale, locale: string): ReceiptView {
  return {
    basketCode: sale.basketCode,
    confirmedAt: (sale.confirmedAt ?? sale.startedAt).toISOString(),
    currency: sale.currency,
    locale,
    customer: sale.memberNumber ? { memberNumber: sale.memberNumber } : null,
    lines: sale.lines.map((line) => ({ ...line, shares: [...line.shares] })),
    vouchersRedeemed: sale.vouchersRedeemed.flatMap((voucher) =>
      voucher.type === 'basket_fixed_unit'
        ? []
        : [
            {
              voucherKey: voucher.voucherKey,
              code: voucher.code,
              type: voucher.type,
              title: voucher.code ?? 'Voucher',
              discount: voucher.discount,
              amountRemaining: voucher.amountRemaining,
              honourCode: voucher.honourCode,
              lockedUntil: null,
            },
          ],
    ),
    honourCodes: sale.vouchersRedeemed.flatMap((voucher) =>
      voucher.honourCode === null ? [] : [{ code: voucher.code, honourCode: voucher.honourCode }],
    ),
    vouchersCreated: sale.vouchersCreated.map((voucher) => ({
      ...voucher,
      from: voucher.from === null ? null : { ...voucher.from },
    })),
    totals: { ...sale.totals },
    payment: receiptPaymentOf(sale.totals.net, sale.tenders),
    warnings: sale.warnings.map(({ code, message, voucherRef, params }) => ({
      code,
      message,
      params: { ...(params ?? {}), ...(voucherRef === null ? {} : { voucherCode: voucherRef }) },
    })),
    syncState: sale.syncedAt === null ? 'queued' : 'synced',
    engineBasketId: sale.engineBasketId,
    training: false,
  };
}
