import type { CatalogueOf } from './catalogue';
import type { en } from './en';

/** De woorden van de kassa in het Nederlands. */
export const nl: CatalogueOf<typeof en> = {
  screens: {
    app: {
      brand: 'voucher-till',
    },
  },
  messages: {},
};
