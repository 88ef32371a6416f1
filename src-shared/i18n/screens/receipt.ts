import type { CatalogueOf } from '../catalogue';

/** The receipt shown after payment. */
export const receiptEn = {
  heading: 'Receipt',
} as const;

export const receiptNl: CatalogueOf<typeof receiptEn> = {
  heading: 'Bon',
};
