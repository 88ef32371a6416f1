import { parseDecimal, proportionOfMinor, type Decimal } from '../../src-shared/money';
import type {
  RecentSaleView,
  ReturnableLineView,
  ReturnableSaleView,
  TillHandlers,
  TillResult,
} from '../../src-shared/till';
import type { EngineReceipt } from '../engine-client';
import { addReturnLine, setCustomer, type SaleState } from '../sale/sale-state';
import { findProduct, findSale, recentSales, returnedOnThisTill, type JournalSale } from '../store';
import type { CoreContext } from './context';
import type { SaleBook } from './sale-book';
import { change } from './sale-service';
import { tillError } from './till-error-words';

type ReturnHandlers = Pick<TillHandlers, 'return/recent' | 'return/find' | 'return/add'>;

/** How many of this till's sales the Return screen offers to pick from. */
export const RECENT_SALES_SHOWN = 20;

/** Quantities are sums of decimals: kept to the pricing's six places, so 0.1 + 0.2 is 0.3. */
const QUANTITY_PLACES = 1e6;
const quantity = (value: number) => Math.round(value * QUANTITY_PLACES) / QUANTITY_PLACES;

function decimalOf(value: number): Decimal {
  const parsed = parseDecimal(String(value));
  if (!parsed.ok) throw new Error(`quantity ${String(value)} is not a decimal`);
  return parsed.value;
}

/**
 * What `returned` of `bought` carries of a line's voucher shares, each rounded once as the
 * engine rounds the return voucher it issues for it.
 */
export function vouchersBackFor(
  shares: readonly { readonly discount: number }[],
  returned: number,
  bought: number,
): number {
  const part = decimalOf(returned);
  const whole = decimalOf(bought);
  return shares.reduce((sum, share) => sum + proportionOfMinor(share.discount, part, whole), 0);
}

const isReturn = (sale: JournalSale) => sale.lines.some((line) => line.returnOf !== undefined);

/** A line of a past sale with what was returned of it already (by this till or, as the engine counts, any). */
function returnableLine(
  line: Omit<ReturnableLineView, 'returned' | 'returnable'>,
  returned: number,
): ReturnableLineView {
  const done = quantity(returned);
  return { ...line, returned: done, returnable: Math.max(0, quantity(line.quantity - done)) };
}

type Lookup =
  | { readonly kind: 'found'; readonly receipt: EngineReceipt }
  | { readonly kind: 'none' }
  | { readonly kind: 'offline' };

async function lookUp(context: CoreContext, basketCode: string): Promise<Lookup> {
  if (!context.connectivity.isOnline()) return { kind: 'offline' };
  const outcome = await context.engine.findReceipt(basketCode);
  if (!outcome.ok) {
    if (outcome.error.kind === 'unavailable') context.connectivity.reportUnavailable();
    return { kind: 'offline' };
  }
  context.connectivity.reportAnswered();
  return outcome.value === null ? { kind: 'none' } : { kind: 'found', receipt: outcome.value };
}

/** What this till's confirmed returns gave back that `engine` does not count yet (or all, without it). */
function returnedHere(
  context: CoreContext,
  basketCode: string,
  lineId: string,
  engine: EngineReceipt | null,
): number {
  const original = { basketCode, lineId };
  if (engine === null) return returnedOnThisTill(context.db, original, 'all');
  const counted = engine.lines.find((line) => line.lineId === lineId)?.returned ?? 0;
  return counted + returnedOnThisTill(context.db, original, 'not_synced');
}

/** This till's catalogue name for `barcode`; empty when it has none. */
function catalogueName(context: CoreContext, barcode: string): string {
  return barcode === '' ? '' : (findProduct(context.db, barcode)?.name ?? '');
}

/** A past sale to return from: this till's journal first, the engine for another till's. */
export async function findReturnable(
  context: CoreContext,
  basketCode: string,
): Promise<TillResult<ReturnableSaleView>> {
  const { currency, locale } = context.config;
  const journaled = findSale(context.db, basketCode);
  const own = journaled?.state === 'confirmed' && !isReturn(journaled) ? journaled : null;
  const engine = await lookUp(context, basketCode);
  const receipt = engine.kind === 'found' ? engine.receipt : null;
  const found = (
    sale: Omit<ReturnableSaleView, 'locale' | 'lines'>,
    lines: readonly Omit<ReturnableLineView, 'returned' | 'returnable'>[],
  ): TillResult<ReturnableSaleView> => ({
    ok: true,
    value: {
      ...sale,
      locale,
      lines: lines.map((line) =>
        returnableLine(line, returnedHere(context, sale.basketCode, line.lineId, receipt)),
      ),
    },
  });
  if (own) {
    const codes = new Map(
      own.vouchersRedeemed.map((voucher) => [voucher.voucherKey, voucher.code]),
    );
    return found(
      {
        basketCode,
        soldAt: (own.confirmedAt ?? own.startedAt).toISOString(),
        currency: own.currency,
        customer: own.memberNumber ? { memberNumber: own.memberNumber } : null,
        source: 'this_till',
      },
      own.lines.map(({ lineId, barcode, name, quantity: bought, unitPrice, shares }) => ({
        lineId,
        barcode,
        name,
        quantity: bought,
        unitPrice,
        shares: shares.map((share) => ({ ...share, code: codes.get(share.voucherKey) ?? null })),
      })),
    );
  }
  if (engine.kind === 'offline')
    return {
      ok: false,
      error: tillError('engine_unreachable', 'return_sale_not_found_offline', { basketCode }),
    };
  if (receipt?.currency !== currency)
    return { ok: false, error: tillError('not_found', 'return_sale_not_found', { basketCode }) };
  return found(
    {
      basketCode: receipt.basketCode,
      soldAt: receipt.soldAt === null ? null : new Date(receipt.soldAt).toISOString(),
      currency: receipt.currency,
      customer: receipt.memberNumber ? { memberNumber: receipt.memberNumber } : null,
      source: 'engine',
    },
    // a line the selling till named nothing is named by the catalogue, else by its id on the screen
    receipt.lines.map((line) => ({
      ...line,
      name: line.name === '' ? catalogueName(context, line.barcode) : line.name,
      shares: [...line.shares],
    })),
  );
}

function recentOf(sale: JournalSale): RecentSaleView {
  return {
    basketCode: sale.basketCode,
    confirmedAt: (sale.confirmedAt ?? sale.startedAt).toISOString(),
    customer: sale.memberNumber ? { memberNumber: sale.memberNumber } : null,
    net: sale.totals.net,
    lineCount: sale.lines.length,
  };
}

/**
 * A return read back from its add-basket (a confirm a restart interrupted) names the purchase
 * each line gives back, not the voucher shares that come back: those are looked up again, as
 * `return/add` found them. A purchase that cannot be found now keeps no shares, and says so.
 */
export async function withReturnShares(context: CoreContext, state: SaleState): Promise<SaleState> {
  const originals = new Set(state.lines.flatMap((line) => line.returnOf?.basketCode ?? []));
  let lines = state.lines;
  for (const basketCode of originals) {
    const found = await findReturnable(context, basketCode);
    if (!found.ok) {
      context.log.warn(
        { basketCode: state.basketCode, original: basketCode },
        `the voucher shares of a returned sale could not be read again: ${found.error.message}`,
      );
      continue;
    }
    lines = lines.map((line) => {
      const { returnOf } = line;
      if (returnOf?.basketCode !== basketCode) return line;
      const bought = found.value.lines.find((candidate) => candidate.lineId === returnOf.lineId);
      if (!bought) return line;
      const vouchersBack = vouchersBackFor(bought.shares, line.quantity, bought.quantity);
      return { ...line, returnOf: { ...returnOf, vouchersBack } };
    });
  }
  return { ...state, lines };
}

export function returnHandlers(context: CoreContext, book: SaleBook): ReturnHandlers {
  return {
    'return/recent': () =>
      Promise.resolve({
        ok: true,
        value: recentSales(context.db, RECENT_SALES_SHOWN).map(recentOf),
      }),
    'return/find': ({ basketCode }) => findReturnable(context, basketCode),
    'return/add': async ({ saleId, basketCode, lines }) => {
      const found = await findReturnable(context, basketCode);
      if (!found.ok) return found;
      const original = found.value;
      const picked: { line: ReturnableLineView; quantity: number }[] = [];
      for (const wanted of lines) {
        const line = original.lines.find((candidate) => candidate.lineId === wanted.lineId);
        const params = { basketCode: original.basketCode, lineId: wanted.lineId };
        if (!line)
          return { ok: false, error: tillError('not_found', 'return_line_not_found', params) };
        if (quantity(wanted.quantity) > line.returnable)
          return {
            ok: false,
            error: tillError('conflict', 'return_exceeds_purchase', {
              ...params,
              quantity: wanted.quantity,
              left: line.returnable,
            }),
          };
        picked.push({ line, quantity: wanted.quantity });
      }
      return change(context, book, saleId, (state: SaleState) => {
        const withLines = picked.reduce(
          (sale, { line, quantity: returned }) =>
            addReturnLine(sale, line, returned, {
              basketCode: original.basketCode,
              lineId: line.lineId,
              vouchersBack: vouchersBackFor(line.shares, returned, line.quantity),
            }),
          state,
        );
        return withLines.memberNumber === null && original.customer
          ? setCustomer(withLines, original.customer.memberNumber)
          : withLines;
      });
    },
  };
}
