import type { Database } from 'better-sqlite3';
import {
  encodeAddBasket,
  type EncodedAddBasket,
  type TillIdentity,
} from '../../src-main/engine-client';
import { addItem, newSale, setCustomer } from '../../src-main/sale/sale-state';
import { markHonourUsedLocally } from '../../src-main/store/honour-cache';
import { enqueueSale, startConfirm } from '../../src-main/store/outbox';
import { confirmSale, recordOpenSale } from '../../src-main/store/sales';

export const TEST_TILL: TillIdentity = {
  chainId: 1,
  storeCode: 'S001',
  terminalId: '01',
  currency: 'EUR',
  timezone: 'Europe/Amsterdam',
};

export interface QueuedSaleInput {
  readonly basketCode: string;
  readonly confirmedAt: Date;
  /** An honour voucher the sale used (from the cache), by key and the code it was scanned by. */
  readonly honour?: { readonly voucherKey: string; readonly code: string };
  readonly memberNumber?: string;
  /** Another identity, e.g. a currency the engine refuses. */
  readonly till?: TillIdentity;
}

/**
 * What an offline confirm commits, until the real one lands: the sale priced locally, the
 * voucher's local use and the outbox entry, in one transaction. Returns the queued request.
 */
export function queueOfflineSale(db: Database, input: QueuedSaleInput): EncodedAddBasket {
  const till = input.till ?? TEST_TILL;
  const { sale, request } = croissantSale(input);
  const honour = input.honour;
  const commit = () => {
    recordOpenSale(db, {
      basketCode: input.basketCode,
      currency: till.currency,
      startedAt: input.confirmedAt,
    });
    confirmSale(db, input.basketCode, {
      memberNumber: sale.memberNumber,
      totals: { gross: 145, discount: 0, net: 145 },
      pricedBy: 'local',
      engineBasketId: null,
      confirmedAt: input.confirmedAt,
      syncedAt: null,
      lines: [
        {
          lineId: 'line_1',
          barcode: '8712345000134',
          name: 'Croissant',
          quantity: 1,
          unit: 'piece',
          unitPrice: 145,
          gross: 145,
          discount: 0,
          net: 145,
          excluded: false,
          shares: [],
        },
      ],
      vouchersRedeemed: honour
        ? [
            {
              voucherKey: honour.voucherKey,
              code: honour.code,
              type: 'honour',
              discount: 0,
              amountRemaining: 0,
              honourCode: 'FREE-COFFEE',
            },
          ]
        : [],
      warnings: [],
    });
    if (honour) markHonourUsedLocally(db, honour.voucherKey, input.basketCode, input.confirmedAt);
    enqueueSale(db, input.basketCode, request, input.confirmedAt);
  };
  db.transaction(commit).immediate();
  return request;
}

/** An open sale whose online confirm has written its add-basket (in flight) and not heard back. */
export function startOnlineConfirm(db: Database, input: QueuedSaleInput): EncodedAddBasket {
  const { request } = croissantSale(input);
  recordOpenSale(db, {
    basketCode: input.basketCode,
    currency: (input.till ?? TEST_TILL).currency,
    startedAt: input.confirmedAt,
  });
  startConfirm(db, request, input.confirmedAt);
  return request;
}

function croissantSale(input: QueuedSaleInput) {
  let sale = addItem(newSale(input.basketCode, input.basketCode), {
    barcode: '8712345000134',
    name: 'Croissant',
    unitPrice: 145,
    excluded: false,
  });
  if (input.memberNumber !== undefined) sale = setCustomer(sale, input.memberNumber);
  const request = encodeAddBasket(
    sale,
    input.till ?? TEST_TILL,
    input.honour ? [input.honour.voucherKey] : [],
    input.confirmedAt.getTime(),
  );
  return { sale, request };
}
