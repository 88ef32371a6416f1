import type { SaleView, TillHandlers, TillResult } from '../../src-shared/till';
import {
  addItem,
  addVoucherCode,
  emptied,
  findLine,
  keepForLater,
  removeLine,
  removeVoucherCode,
  setCustomer,
  setQuantity,
  stopKeepingForLater,
  type SaleState,
} from '../sale/sale-state';
import { classifyScan } from '../sale/scan-router';
import { findProduct, quantityUnitOf } from '../store';
import type { CoreContext } from './context';
import { tillErrorOf } from './engine-errors';
import type { SaleBook, SaleEntry } from './sale-book';
import { engineHoldsNothing, neverLocked, shownView, type Notice } from './sale-pricing';

type SaleHandlers = Pick<
  TillHandlers,
  | 'sale/current'
  | 'sale/start'
  | 'sale/scan'
  | 'sale/set-quantity'
  | 'sale/remove-line'
  | 'sale/remove-voucher'
  | 'sale/set-customer'
  | 'sale/keep-voucher'
  | 'sale/activate-voucher'
  | 'sale/void'
>;

const shown = (view: SaleView, notices: readonly Notice[] = []): TillResult<SaleView> => ({
  ok: true,
  value: { ...view, notices: [...view.notices, ...notices] },
});

/**
 * How long a change to the sale waits for the engine's price before it answers with the lines
 * at shelf prices and the pricing still waiting (it goes on in the background).
 */
export const PRICE_WAIT_MS = 300;

/** Resolves when `pricing` settles or after `ms`, whichever is first. */
async function atMost(pricing: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  try {
    await Promise.race([pricing.catch(() => undefined), waited]);
  } finally {
    clearTimeout(timer);
  }
}

/** Applies a change to the sale, prices the result, and answers with it: priced, or waiting for the engine. */
export async function change(
  context: CoreContext,
  book: SaleBook,
  saleId: string,
  update: (state: SaleState) => SaleState | { notice: Notice },
): Promise<TillResult<SaleView>> {
  const found = book.find(saleId);
  if (!found.ok) return found;
  const { sale, reprice } = found.value;
  const next = update(sale.state);
  if ('notice' in next) return shown(shownView(context, sale), [next.notice]);
  sale.state = next;
  sale.changedAt = context.now();
  sale.freedRefusals = [];
  await atMost(reprice(), PRICE_WAIT_MS);
  return shown(shownView(context, sale));
}

/**
 * Whether `quantity` counts a line of `unit`: pieces are whole (the command's schema allows
 * kilograms at most 3 decimals); the notice says why not.
 */
function countable(
  unit: 'piece' | 'kg',
  quantity: number,
  product: string,
): { notice: Notice } | null {
  if (unit === 'piece' && !Number.isInteger(quantity))
    return {
      notice: {
        code: 'quantity_not_whole',
        message: `${product} is sold by the piece: its quantity is a whole number.`,
        params: { product },
      },
    };
  return null;
}

function scanned(context: CoreContext, code: string, quantity: number | undefined) {
  return (state: SaleState): SaleState | { notice: Notice } => {
    const scan = classifyScan(code, context.patterns);
    switch (scan.kind) {
      case 'item': {
        const product = findProduct(context.db, scan.code);
        if (!product)
          return {
            notice: {
              code: 'unknown_barcode',
              message: `Barcode ${scan.code} is not in the catalogue; the item was not added.`,
              params: { barcode: scan.code },
            },
          };
        const { barcode, name, unitPrice, excluded } = product;
        const unit = quantityUnitOf(product);
        if (unit === 'kg' && quantity === undefined)
          return {
            notice: {
              code: 'weight_needed',
              message: `${name} is sold by weight; it was not added without its weight.`,
              params: { barcode, product: name },
            },
          };
        const refused = countable(unit, quantity ?? 1, name);
        if (refused) return refused;
        return addItem(state, { barcode, name, unit, unitPrice, excluded }, quantity);
      }
      case 'loyalty_card':
        return setCustomer(state, scan.code);
      case 'voucher':
        return addVoucherCode(state, scan.code);
      case 'unrecognised':
        return {
          notice: {
            code: 'unrecognised_scan',
            message: `"${scan.code}" is not an item barcode, a loyalty card or a voucher code.`,
            params: { scan: scan.code },
          },
        };
    }
  };
}

const notInSale = (voucherCode: string): { notice: Notice } => ({
  notice: {
    code: 'voucher_not_in_sale',
    message: `Voucher ${voucherCode} is not on this sale.`,
    params: { voucherCode },
  },
});

/**
 * The customer keeps a member's voucher the engine applied for later (the engine leaves it out
 * of the sale and frees it), or undoes that.
 */
function keptVoucher(
  book: SaleBook,
  saleId: string,
  voucherKey: string,
  keep: boolean,
): (state: SaleState) => SaleState | { notice: Notice } {
  const found = book.find(saleId);
  const applied = found.ok
    ? found.value.sale.view.applied.find(
        (voucher) => voucher.voucherKey === voucherKey && voucher.fromMember === true,
      )
    : undefined;
  return (state) => {
    if (!keep)
      return state.keptForLater.some((kept) => kept.voucherKey === voucherKey)
        ? stopKeepingForLater(state, voucherKey)
        : notInSale(voucherKey);
    if (applied === undefined) return notInSale(voucherKey);
    return keepForLater(state, { voucherKey, code: applied.code, title: applied.title });
  };
}

/**
 * Activates (claims) a voucher the engine refused as not activated yet, for the sale's member
 * (or its own, without a card), then prices the sale again so that it applies.
 */
async function activated(
  context: CoreContext,
  book: SaleBook,
  saleId: string,
  ref: string,
): Promise<TillResult<SaleView>> {
  const found = book.find(saleId);
  if (!found.ok) return found;
  const { sale } = found.value;
  const refused = sale.view.rejected.find(
    (voucher) => voucher.ref === ref && voucher.reason === 'voucher_not_claimed',
  );
  if (refused?.voucherKey === undefined)
    return shown(shownView(context, sale), [notInSale(ref).notice]);
  const claimed = await context.engine.claimVoucher({
    voucherKey: refused.voucherKey,
    memberNumber: sale.state.memberNumber,
  });
  if (!claimed.ok) {
    if (claimed.error.kind === 'unavailable') context.connectivity.reportUnavailable();
    else context.connectivity.reportAnswered();
    return { ok: false, error: tillErrorOf(claimed.error, 'activation') };
  }
  context.connectivity.reportAnswered();
  context.log.info({ basketCode: sale.state.basketCode, voucherCode: ref }, 'voucher activated');
  // the same sale, priced again: the engine now applies the voucher
  return change(context, book, saleId, (state) => ({ ...state }));
}

/**
 * Empties the sale on the engine (releasing this basket's locks) and journals it voided, waiting
 * for the engine no longer than a change does. A basket the engine may still hold locks for is
 * remembered, and released once the engine answers (by the pricing still on its way, or when
 * the engine is back).
 */
async function voided(context: CoreContext, book: SaleBook, entry: SaleEntry): Promise<SaleView> {
  const { sale, reprice } = entry;
  sale.state = emptied(sale.state);
  const releasing = reprice();
  await atMost(releasing, PRICE_WAIT_MS);
  // a pricing still in flight may lock vouchers to the basket when it lands (never a practice sale's)
  const released = neverLocked(sale) || (sale.waitingSince === null && engineHoldsNothing(sale));
  const { basketCode } = sale.state;
  const at = new Date(context.now());
  book.records.voided(basketCode, at, released);
  book.close(sale.state.saleId);
  const fresh = book.open().sale.view;
  if (released) return fresh;
  releasing
    .then(() => {
      book.records.settled(basketCode, at, engineHoldsNothing(sale));
    })
    .catch((error: unknown) => {
      context.log.error({ err: error, basketCode }, 'settling the locks of a voided sale failed');
    });
  context.log.warn(
    { basketCode },
    'a voided sale keeps its voucher locks until the engine answers',
  );
  const message = `Sale ${basketCode} is void, but the engine has not been told yet: its vouchers stay held until the engine answers, which releases them.`;
  return {
    ...fresh,
    notices: [{ code: 'locks_not_released', message, params: { basketCode } }],
  };
}

export function saleHandlers(context: CoreContext, book: SaleBook): SaleHandlers {
  return {
    'sale/current': () => Promise.resolve(shown(shownView(context, book.current().sale))),
    'sale/start': () => {
      const started = book.start();
      return Promise.resolve(started.ok ? shown(shownView(context, started.value.sale)) : started);
    },
    'sale/scan': ({ saleId, code, quantity }) =>
      change(context, book, saleId, scanned(context, code, quantity)),
    'sale/set-quantity': ({ saleId, lineId, quantity }) =>
      change(context, book, saleId, (state) => {
        const line = findLine(state, lineId);
        if (!line)
          return {
            notice: {
              code: 'line_not_found',
              message: `The sale has no line ${lineId}.`,
              params: { lineId },
            },
          };
        return countable(line.unit, quantity, line.name) ?? setQuantity(state, lineId, quantity);
      }),
    'sale/remove-line': ({ saleId, lineId }) =>
      change(context, book, saleId, (state) => removeLine(state, lineId)),
    'sale/remove-voucher': ({ saleId, ref }) =>
      change(context, book, saleId, (state) => removeVoucherCode(state, ref)),
    'sale/set-customer': ({ saleId, memberNumber }) =>
      change(context, book, saleId, (state) => setCustomer(state, memberNumber)),
    'sale/keep-voucher': ({ saleId, voucherKey, keep }) =>
      change(context, book, saleId, keptVoucher(book, saleId, voucherKey, keep)),
    'sale/activate-voucher': ({ saleId, ref }) => activated(context, book, saleId, ref),
    'sale/void': async ({ saleId }) => {
      const found = book.find(saleId);
      if (!found.ok) return found;
      return { ok: true, value: await voided(context, book, found.value) };
    },
  };
}
