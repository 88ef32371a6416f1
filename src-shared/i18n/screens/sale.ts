import type { CatalogueOf } from '../catalogue';

/** The sale screen: scan field, basket, vouchers, totals and actions. */
export const saleEn = {
  heading: 'Sale',
  /** On a scanned line while the engine's price is on its way: the line shows its shelf price. */
  lineWaiting: 'Waiting for the engine’s price',
} as const;

export const saleNl: CatalogueOf<typeof saleEn> = {
  heading: 'Verkoop',
  lineWaiting: 'Wacht op de prijs van de voucherserver',
};
