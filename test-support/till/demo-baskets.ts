import type { TillIdentity } from '../../src-main/engine-client';
import {
  addItem,
  addVoucherCode,
  newSale,
  setCustomer,
  type SaleState,
} from '../../src-main/sale/sale-state';

/** The demo chain of `--demo`: chain 1, store S001, EUR; its terminal and manager accounts. */
export const DEMO = {
  chainId: 1,
  storeCode: 'S001',
  member: '1000001',
  terminal: { username: 'till-s001-01', password: 'demo-till' },
  manager: { username: 'manager-s001', password: 'demo-manager' },
} as const;

/** The demo till's identity, as the till sends it with every basket. */
export const DEMO_TILL: TillIdentity = {
  chainId: DEMO.chainId,
  storeCode: DEMO.storeCode,
  terminalId: '01',
  currency: 'EUR',
  timezone: 'Europe/Amsterdam',
};

/** A sale for the demo member (two bags of coffee at 20.00), locked exclusively as the till always does. */
export function demoSale(
  code: string,
  options: { member?: string | null; voucherCodes?: string[] } = {},
): SaleState {
  const member = options.member === undefined ? DEMO.member : options.member;
  const coffee = {
    barcode: '8710000000017',
    name: 'Coffee beans 1 kg',
    unitPrice: 2000,
    excluded: false,
  };
  // a second scan of the same product makes it two on one line
  const sale = addItem(addItem(newSale(code, code), coffee), coffee);
  return (options.voucherCodes ?? []).reduce(addVoucherCode, setCustomer(sale, member));
}
