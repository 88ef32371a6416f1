import type { CatalogueOf } from '../catalogue';

/** Words every screen shares: loading, a slow engine, voucher types, how old the honour cache is. */
export const commonEn = {
  loading: 'Loading…',
  voucherTypes: {
    basket: 'Amount off',
    basket_pct: 'Percentage off',
    honour: 'Honour',
    basket_fixed_unit: 'Price per unit',
  },
  cacheAge: {
    never: 'never filled',
    justNow: 'just now',
    minutes_one: '{{count}} min ago',
    minutes_other: '{{count}} min ago',
    hours_one: '{{count}} h ago',
    hours_other: '{{count}} h ago',
    days_one: '{{count}} day ago',
    days_other: '{{count}} days ago',
  },
} as const;

export const commonNl: CatalogueOf<typeof commonEn> = {
  loading: 'Laden…',
  voucherTypes: {
    basket: 'Bedrag korting',
    basket_pct: 'Percentage korting',
    honour: 'Honour',
    basket_fixed_unit: 'Prijs per stuk',
  },
  cacheAge: {
    never: 'nooit gevuld',
    justNow: 'zojuist',
    minutes_one: '{{count}} min geleden',
    minutes_other: '{{count}} min geleden',
    hours_one: '{{count}} uur geleden',
    hours_other: '{{count}} uur geleden',
    days_one: '{{count}} dag geleden',
    days_other: '{{count}} dagen geleden',
  },
};
