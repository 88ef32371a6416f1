/** A product the till sells. `unitPrice` is minor units per unit, or per kilogram when sold by weight. */
export interface Product {
  readonly barcode: string;
  readonly name: string;
  readonly unitPrice: number;
  readonly soldBy: 'unit' | 'weight';
  /** Takes no voucher discount (tobacco, gift cards). */
  readonly excluded: boolean;
}

/** How the till counts a product on a sale line: pieces, or kilograms when sold by weight. */
export function quantityUnitOf(product: Pick<Product, 'soldBy'>): 'piece' | 'kg' {
  return product.soldBy === 'weight' ? 'kg' : 'piece';
}
