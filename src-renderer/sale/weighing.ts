import type { SaleView } from '../../src-shared/till';

/** An item sold by weight that was scanned without its weight: the keypad asks for it. */
export interface Weighing {
  readonly barcode: string;
  readonly name: string;
}

/** The weighing a scan's answer asks for (its `weight_needed` notice), or null. */
export function weighingAskedBy(view: SaleView): Weighing | null {
  const notice = view.notices.find((candidate) => candidate.code === 'weight_needed');
  const barcode = notice?.params.barcode;
  if (barcode === undefined) return null;
  return { barcode, name: notice?.params.product ?? barcode };
}
