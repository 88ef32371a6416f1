import type { CatalogueOf } from '../catalogue';

/** The till's frame: the brand, the screens' navigation. */
export const appEn = {
  brand: 'voucher-till',
  navigation: 'Screens',
  /** Shown on every screen of a till in training mode. */
  training: {
    region: 'Training mode',
    banner: 'Training — not a real sale',
    detail: 'Practice only: no voucher is held or redeemed, and no sale is recorded.',
  },
  screens: {
    sale: 'Sale',
    manager: 'Manager',
    diagnostics: 'Diagnostics',
    return: 'Return',
    sales: 'Past sales',
  },
} as const;

export const appNl: CatalogueOf<typeof appEn> = {
  brand: 'voucher-till',
  navigation: 'Schermen',
  training: {
    region: 'Oefenmodus',
    banner: 'Oefenmodus — geen echte verkoop',
    detail:
      'Alleen om te oefenen: er wordt geen voucher vastgehouden of ingewisseld, en geen verkoop vastgelegd.',
  },
  screens: {
    sale: 'Verkoop',
    manager: 'Manager',
    diagnostics: 'Diagnose',
    return: 'Retour',
    sales: 'Eerdere verkopen',
  },
};
