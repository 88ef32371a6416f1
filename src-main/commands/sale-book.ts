import type { TillError, TillResult } from '../../src-shared/till';
import { isUntouched, newSale } from '../sale/sale-state';
import {
  allocateBasketCode,
  findSale,
  recordOpenSale,
  unfinishedConfirm,
  type JournalSale,
} from '../store';
import { coalescingRunner } from './pricing-queue';
import { unpricedView } from '../sale/sale-view';
import { viewContext, type CoreContext } from './context';
import { priceSale, type OpenSale } from './sale-pricing';

export interface SaleEntry {
  readonly sale: OpenSale;
  /** Prices the latest state; bursts share one request in flight plus one follow-up. */
  readonly reprice: () => Promise<void>;
}

/** The till's open sales, in memory, by sale id (the basket code); one of them is current. */
export interface SaleBook {
  /** A new sale; an untouched current sale is reused, a started one must be confirmed or voided first. */
  start(): TillResult<SaleEntry>;
  /** Opens a new sale unconditionally (after the current one was closed). */
  open(): SaleEntry;
  current(): SaleEntry;
  /** An open sale to change or void: refused while a confirm of it is unfinished (its add-basket is fixed). */
  find(saleId: string): TillResult<SaleEntry>;
  /** An open sale to confirm, also one whose earlier confirm is unfinished (it is confirmed again). */
  findToConfirm(saleId: string): TillResult<SaleEntry>;
  close(saleId: string): void;
}

export function createSaleBook(context: CoreContext): SaleBook {
  const sales = new Map<string, SaleEntry>();
  let currentId: string | null = null;

  const open = (): SaleEntry => {
    const now = new Date(context.now());
    const basketCode = allocateBasketCode(context.db, context.config, now);
    recordOpenSale(context.db, { basketCode, currency: context.config.currency, startedAt: now });
    const state = newSale(basketCode, basketCode);
    const sale: OpenSale = {
      state,
      view: unpricedView(state, [], viewContext(context)),
      pricedState: null,
      confirmedAt: null,
      engineVouchers: null,
    };
    const entry = { sale, reprice: coalescingRunner(() => priceSale(context, sale)) };
    sales.set(basketCode, entry);
    currentId = basketCode;
    return entry;
  };

  const close = (saleId: string) => {
    sales.delete(saleId);
    if (currentId === saleId) currentId = null;
  };

  // The journal has the last word: the outbox worker journals a sale whose confirm it finished.
  const stillOpen = (saleId: string): TillResult<SaleEntry> => {
    const entry = sales.get(saleId);
    const journaled = findSale(context.db, saleId);
    if (entry && journaled?.state === 'open') return { ok: true, value: entry };
    if (entry) close(saleId);
    return { ok: false, error: closedOrMissing(saleId, journaled?.state) };
  };

  const current = (): SaleEntry | undefined => {
    if (currentId === null) return undefined;
    const open = stillOpen(currentId);
    return open.ok ? open.value : undefined;
  };

  return {
    open,
    start: () => {
      const entry = current();
      if (!entry) return { ok: true, value: open() };
      if (isUntouched(entry.sale.state)) return { ok: true, value: entry };
      return {
        ok: false,
        error: {
          code: 'conflict',
          message: `Sale ${entry.sale.state.basketCode} is still open: confirm or void it first.`,
        },
      };
    },
    current: () => current() ?? open(),
    find: (saleId) => {
      const found = stillOpen(saleId);
      if (!found.ok || unfinishedConfirm(context.db, saleId) === undefined) return found;
      const message = `Sale ${saleId} is being confirmed and can no longer change: confirm it again to finish it.`;
      return { ok: false, error: { code: 'conflict', message } };
    },
    findToConfirm: stillOpen,
    close,
  };
}

function closedOrMissing(saleId: string, state: JournalSale['state'] | undefined): TillError {
  if (state !== undefined && state !== 'open')
    return { code: 'sale_already_closed', message: `Sale ${saleId} is already ${state}.` };
  return { code: 'sale_not_found', message: `There is no open sale ${saleId} on this till.` };
}
