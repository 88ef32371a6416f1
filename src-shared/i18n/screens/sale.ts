import type { CatalogueOf } from '../catalogue';

/** The sale screen: scan field, basket, vouchers, totals and actions. */
export const saleEn = {
  heading: 'Sale',
} as const;

export const saleNl: CatalogueOf<typeof saleEn> = {
  heading: 'Verkoop',
};
