import type { AddBasketRequest } from '../../src-shared/wire';
import type { SaleLine, SaleState } from './sale-state';
import { minorOf } from './wire-to-domain';

/** The sale an add-basket request describes (to journal it from the engine's answer after a restart). */
export function saleFromAddBasket(request: AddBasketRequest, currency: string): SaleState {
  const basketCode = request.basket.retailer_basket_code;
  const lines: SaleLine[] = request.basket.basket_items.map((item, index) => ({
    lineId: item.retailer_item_code ?? `line_${String(index + 1)}`,
    barcode: item.item_barcode ?? '',
    name: item.item_name ?? '',
    quantity: item.item_quantity,
    unitPrice: minorOf(item.item_original_price ?? item.item_price, currency),
    excluded: item.excluded_from_spaaza === true,
  }));
  return {
    saleId: basketCode,
    basketCode,
    memberNumber: request.user?.member_number ?? null,
    lines,
    voucherCodes: [],
    nextLine: lines.length + 1,
  };
}
