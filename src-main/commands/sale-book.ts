import type { TillError, TillResult } from '../../src-shared/till';
import { isUntouched, newSale, removeVoucherCode } from '../sale/sale-state';
import type { JournalSale } from '../store';
import { coalescingRunner } from './pricing-queue';
import { unpricedView } from '../sale/sale-view';
import { viewContext, type CoreContext } from './context';
import { engineHoldsNothing, priceSale, type OpenSale } from './sale-pricing';
import { journalRecords, type SaleRecords } from './sale-records';
import { tillError } from './till-error-words';

export interface SaleEntry {
  readonly sale: OpenSale;
  /**
   * Prices the latest state; bursts share one request in flight plus one follow-up. While any
   * is in flight the sale is waiting (`sale.waitingSince`).
   */
  readonly reprice: () => Promise<void>;
  /** Resolves once no pricing of the sale is in flight (whatever became of it). */
  readonly settled: () => Promise<void>;
}

/** The till's open sales, in memory, by sale id (the basket code); one of them is current. */
export interface SaleBook {
  /** Where the open sales are recorded: the journal, or memory in training mode. */
  readonly records: SaleRecords;
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
  /** Whether a pricing of a sale (open, or closed since it was sent) is still in flight. */
  pricingInFlight(saleId: string): boolean;
  /** Prices again every open sale the engine has not priced as it stands (the engine is back). */
  repriceStale(): void;
  /**
   * A manager freed vouchers: an open sale of this till that
   * showed one applied loses its code and is priced again without it (pricing it with the code
   * would only take the freed lock back); the sales refused one as held elsewhere try it again.
   */
  dropFreed(voucherKeys: readonly string[]): void;
  /** Prices again the open sales that show a voucher held for another sale (it may be free now). */
  repriceHeldByOther(): void;
  /**
   * Prices again the open sales that show vouchers the engine holds for them, changed by the
   * cashier less than `HOLDING_RECHECK_WINDOW_MS` ago: a manager at another terminal may have
   * freed one, and only the engine knows.
   */
  repriceHolding(): void;
}

/**
 * How long after the cashier's last change a sale's held vouchers are still rechecked. A
 * recheck renews no lock that still holds (`basket_voucher_keep_lock_ends`), but takes again
 * one that ran out; so a sale left on screen keeps its vouchers at most this long plus one lock
 * period (the engine's default is five minutes), then they run out as any abandoned sale's do.
 */
export const HOLDING_RECHECK_WINDOW_MS = 5 * 60_000;

/** Whether the engine priced the sale with vouchers locked to it. */
export function showsHeldForIt(sale: OpenSale): boolean {
  return (
    sale.view.pricedBy === 'engine' && sale.view.applied.some((voucher) => voucher.lockedUntil)
  );
}

/** Whether the sale shows a voucher refused because another sale holds it. */
export function showsHeldByOther(sale: OpenSale): boolean {
  return sale.view.rejected.some((rejected) => rejected.reason === 'voucher_locked');
}

/**
 * `onPriced` hears of every sale whose pricing settled (the screen may still show it waiting).
 * `records`: the journal, or a training till's memory.
 */
export function createSaleBook(
  context: CoreContext,
  onPriced: (saleId: string) => void = () => undefined,
  records: SaleRecords = journalRecords(context),
): SaleBook {
  const sales = new Map<string, SaleEntry>();
  let currentId: string | null = null;
  // closed sales whose pricing is still on its way: its answer settles their locks
  const settling = new Set<string>();

  const open = (): SaleEntry => {
    const basketCode = records.open(new Date(context.now()));
    const state = newSale(basketCode, basketCode, records.training);
    const sale: OpenSale = {
      state,
      view: unpricedView(state, [], viewContext(context)),
      pricedState: null,
      confirmedAt: null,
      engineVouchers: null,
      waitingSince: null,
      unansweredPricing: false,
      confirming: false,
      changedAt: context.now(),
      freedRefusals: [],
      refusedCard: null,
    };
    const entry = pricedEntry(context, sale, onPriced);
    sales.set(basketCode, entry);
    currentId = basketCode;
    return entry;
  };

  const close = (saleId: string) => {
    const entry = sales.get(saleId);
    if (entry && entry.sale.waitingSince !== null) {
      settling.add(saleId);
      void entry.settled().then(() => settling.delete(saleId));
    }
    sales.delete(saleId);
    if (currentId === saleId) currentId = null;
  };

  // The journal has the last word: the outbox worker journals a sale whose confirm it finished.
  const stillOpen = (saleId: string): TillResult<SaleEntry> => {
    const entry = sales.get(saleId);
    const recorded = records.stateOf(saleId);
    if (entry && recorded === 'open') return { ok: true, value: entry };
    if (entry) close(saleId);
    return { ok: false, error: closedOrMissing(saleId, recorded) };
  };

  const current = (): SaleEntry | undefined => {
    if (currentId === null) return undefined;
    const open = stillOpen(currentId);
    return open.ok ? open.value : undefined;
  };

  return {
    records,
    open,
    start: () => {
      const entry = current();
      if (!entry) return { ok: true, value: open() };
      if (isUntouched(entry.sale.state)) return { ok: true, value: entry };
      return {
        ok: false,
        error: tillError('conflict', 'sale_still_open', {
          basketCode: entry.sale.state.basketCode,
        }),
      };
    },
    current: () => current() ?? open(),
    find: (saleId) => {
      const found = stillOpen(saleId);
      if (!found.ok || !records.confirming(saleId)) return found;
      const message = `Sale ${saleId} is being confirmed and can no longer change: confirm it again to finish it.`;
      return { ok: false, error: { code: 'conflict', message } };
    },
    findToConfirm: stillOpen,
    close,
    pricingInFlight: (saleId) =>
      settling.has(saleId) || (sales.get(saleId)?.sale.waitingSince ?? null) !== null,
    repriceStale: () => {
      for (const saleId of [...sales.keys()]) {
        const found = stillOpen(saleId);
        if (!found.ok || records.confirming(saleId)) continue;
        const { sale, reprice } = found.value;
        const current = sale.view.pricedBy === 'engine' && sale.pricedState === sale.state;
        // an untouched sale needs the engine only to release what it may still hold for it
        if (!current && (!isUntouched(sale.state) || !engineHoldsNothing(sale))) void reprice();
      }
    },
    dropFreed: (voucherKeys) => {
      for (const saleId of [...sales.keys()]) {
        const found = stillOpen(saleId);
        if (!found.ok || records.confirming(saleId)) continue;
        const { sale, reprice } = found.value;
        const freedCodes = sale.view.applied
          .filter((voucher) => voucherKeys.includes(voucher.voucherKey))
          .flatMap((voucher) => (voucher.code === null ? [] : [voucher.code]));
        if (freedCodes.length === 0) continue;
        sale.state = freedCodes.reduce(removeVoucherCode, sale.state);
        void reprice();
      }
      repriceWhere(showsHeldByOther);
    },
    repriceHeldByOther: () => {
      repriceWhere(showsHeldByOther);
    },
    repriceHolding: () => {
      const since = context.now() - HOLDING_RECHECK_WINDOW_MS;
      repriceWhere(
        (sale) => sale.changedAt > since && !showsHeldByOther(sale) && showsHeldForIt(sale),
      );
    },
  };

  /** Open sales that can still change, idle (no pricing in flight), and matching `wanted`. */
  function repriceWhere(wanted: (sale: OpenSale) => boolean): void {
    if (!context.connectivity.isOnline()) return;
    for (const saleId of [...sales.keys()]) {
      const found = stillOpen(saleId);
      if (!found.ok || records.confirming(saleId)) continue;
      const { sale, reprice } = found.value;
      if (sale.waitingSince === null && !sale.confirming && wanted(sale)) void reprice();
    }
  }
}

/** A sale with its pricing queue, which keeps count of the pricings in flight. */
function pricedEntry(
  context: CoreContext,
  sale: OpenSale,
  onPriced: (saleId: string) => void,
): SaleEntry {
  const run = coalescingRunner(() => priceSale(context, sale));
  let inFlight = 0;
  let latest: Promise<void> = Promise.resolve();
  const reprice = () => {
    sale.waitingSince ??= context.now();
    inFlight += 1;
    const pricing = run().finally(() => {
      inFlight -= 1;
      if (inFlight > 0) return;
      sale.waitingSince = null;
      onPriced(sale.state.saleId);
    });
    // the cashier's command may have answered already: a failure is logged here, and told to whoever awaits it
    pricing.catch((error: unknown) => {
      context.log.error({ err: error, basketCode: sale.state.basketCode }, 'pricing a sale failed');
    });
    latest = pricing;
    return pricing;
  };
  const settled = async () => {
    while (inFlight > 0) await latest.catch(() => undefined);
  };
  return { sale, reprice, settled };
}

function closedOrMissing(saleId: string, state: JournalSale['state'] | undefined): TillError {
  if (state !== undefined && state !== 'open')
    return { code: 'sale_already_closed', message: `Sale ${saleId} is already ${state}.` };
  return { code: 'sale_not_found', message: `There is no open sale ${saleId} on this till.` };
}
