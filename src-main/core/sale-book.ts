import type { TillError, TillResult } from '../../src-shared/till';
import { newSale } from '../sale/sale-state';
import { allocateBasketCode, findSale, recordOpenSale } from '../store';
import type { CoreContext } from './context';
import { coalescingRunner } from './pricing-queue';
import { priceOnEngine, unpricedView, type OpenSale } from './sale-pricing';

export interface SaleEntry {
  readonly sale: OpenSale;
  /** Prices the latest state; bursts share one request in flight plus one follow-up. */
  readonly reprice: () => Promise<void>;
}

/** The till's open sales, in memory, by sale id (the basket code); one of them is current. */
export interface SaleBook {
  start(): SaleEntry;
  current(): SaleEntry;
  find(saleId: string): TillResult<SaleEntry>;
  close(saleId: string): void;
}

export function createSaleBook(context: CoreContext): SaleBook {
  const open = new Map<string, SaleEntry>();
  let currentId: string | null = null;

  const start = (): SaleEntry => {
    const now = new Date(context.now());
    const basketCode = allocateBasketCode(context.db, context.config, now);
    recordOpenSale(context.db, { basketCode, currency: context.config.currency, startedAt: now });
    const state = newSale(basketCode, basketCode);
    const sale: OpenSale = {
      state,
      view: unpricedView(context, state, []),
      pricedState: null,
      confirmedAt: null,
    };
    const entry = { sale, reprice: coalescingRunner(() => priceOnEngine(context, sale)) };
    open.set(basketCode, entry);
    currentId = basketCode;
    return entry;
  };

  return {
    start,
    current: () => (currentId === null ? undefined : open.get(currentId)) ?? start(),
    find: (saleId) => {
      const entry = open.get(saleId);
      if (entry) return { ok: true, value: entry };
      return { ok: false, error: closedOrMissing(context, saleId) };
    },
    close: (saleId) => {
      open.delete(saleId);
      if (currentId === saleId) currentId = null;
    },
  };
}

function closedOrMissing(context: CoreContext, saleId: string): TillError {
  const journaled = findSale(context.db, saleId);
  if (journaled && journaled.state !== 'open')
    return {
      code: 'sale_already_closed',
      message: `Sale ${saleId} is already ${journaled.state}.`,
    };
  return { code: 'sale_not_found', message: `There is no open sale ${saleId} on this till.` };
}
