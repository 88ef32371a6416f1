import type { SaleView, TillHandlers, TillResult } from '../../src-shared/till';
import {
  addItem,
  addVoucherCode,
  emptied,
  hasLine,
  removeLine,
  removeVoucherCode,
  setCustomer,
  setQuantity,
  type SaleState,
} from '../sale/sale-state';
import { classifyScan } from '../sale/scan-router';
import { findProduct, forgetLocksToRelease, rememberLocksToRelease, voidSale } from '../store';
import type { CoreContext } from './context';
import type { SaleBook, SaleEntry } from './sale-book';
import { engineHoldsNothing, shownView, type Notice } from './sale-pricing';

type SaleHandlers = Pick<
  TillHandlers,
  | 'sale/current'
  | 'sale/start'
  | 'sale/scan'
  | 'sale/set-quantity'
  | 'sale/remove-line'
  | 'sale/remove-voucher'
  | 'sale/set-customer'
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

function scanned(context: CoreContext, code: string) {
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
        return addItem(state, { barcode, name, unitPrice, excluded });
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
  // a pricing still in flight may lock vouchers to the basket when it lands
  const released = sale.waitingSince === null && engineHoldsNothing(sale);
  const { basketCode } = sale.state;
  const at = new Date(context.now());
  const closeIt = () => {
    voidSale(context.db, basketCode, at);
    if (!released) rememberLocksToRelease(context.db, basketCode, at);
  };
  context.db.transaction(closeIt).immediate();
  book.close(sale.state.saleId);
  const fresh = book.open().sale.view;
  if (released) return fresh;
  releasing
    .then(() => {
      if (engineHoldsNothing(sale)) forgetLocksToRelease(context.db, basketCode);
      else rememberLocksToRelease(context.db, basketCode, at);
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
    'sale/scan': ({ saleId, code }) => change(context, book, saleId, scanned(context, code)),
    'sale/set-quantity': ({ saleId, lineId, quantity }) =>
      change(context, book, saleId, (state) =>
        hasLine(state, lineId)
          ? setQuantity(state, lineId, quantity)
          : {
              notice: {
                code: 'line_not_found',
                message: `The sale has no line ${lineId}.`,
                params: { lineId },
              },
            },
      ),
    'sale/remove-line': ({ saleId, lineId }) =>
      change(context, book, saleId, (state) => removeLine(state, lineId)),
    'sale/remove-voucher': ({ saleId, ref }) =>
      change(context, book, saleId, (state) => removeVoucherCode(state, ref)),
    'sale/set-customer': ({ saleId, memberNumber }) =>
      change(context, book, saleId, (state) => setCustomer(state, memberNumber)),
    'sale/void': async ({ saleId }) => {
      const found = book.find(saleId);
      if (!found.ok) return found;
      return { ok: true, value: await voided(context, book, found.value) };
    },
  };
}
