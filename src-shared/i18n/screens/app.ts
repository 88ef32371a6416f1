import type { CatalogueOf } from '../catalogue';

/** The till's frame: the brand, the screens' navigation. */
export const appEn = {
  brand: 'voucher-till',
} as const;

export const appNl: CatalogueOf<typeof appEn> = {
  brand: 'voucher-till',
};
