import type { CatalogueOf } from '../catalogue';

/** The till's frame: the brand, the screens' navigation. */
export const appEn = {
  brand: 'voucher-till',
  navigation: 'Screens',
  screens: { sale: 'Sale', manager: 'Manager', diagnostics: 'Diagnostics', sales: 'Past sales' },
} as const;

export const appNl: CatalogueOf<typeof appEn> = {
  brand: 'voucher-till',
  navigation: 'Schermen',
  screens: {
    sale: 'Verkoop',
    manager: 'Manager',
    diagnostics: 'Diagnose',
    sales: 'Eerdere verkopen',
  },
};
