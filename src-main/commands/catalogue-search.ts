import type { TillHandlers } from '../../src-shared/till';
import { quantityUnitOf, searchProducts } from '../store';
import type { CoreContext } from './context';

/** The most products one search lists: the cashier picks from a short list, or types more. */
export const SEARCH_LIMIT = 20;

/** `catalogue/search`: the till's own catalogue by name, for an item without its barcode to hand. */
export function catalogueHandlers(context: CoreContext): Pick<TillHandlers, 'catalogue/search'> {
  return {
    'catalogue/search': ({ query }) => {
      const found = searchProducts(context.db, query, SEARCH_LIMIT);
      return Promise.resolve({
        ok: true,
        value: {
          query,
          more: found.more,
          products: found.products.map((product) => ({
            barcode: product.barcode,
            name: product.name,
            unitPrice: product.unitPrice,
            unit: quantityUnitOf(product),
            excluded: product.excluded,
          })),
        },
      });
    },
  };
}
