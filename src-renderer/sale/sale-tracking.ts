import type { SaleView } from '../../src-shared/till';
import type { Tracking } from './useLatestChange';

type Line = SaleView['lines'][number];
type Applied = SaleView['applied'][number];

/** A line is followed by its id and quantity: "Added Coffee beans 1 kg", "Coffee beans 1 kg, quantity 2". */
export function lineTracking(locale: string): Tracking<Line> {
  const count = new Intl.NumberFormat(locale);
  return {
    key: (line) => line.lineId,
    count: (line) => line.quantity,
    describe: (line, added) =>
      added ? `Added ${line.name}` : `${line.name}, quantity ${count.format(line.quantity)}`,
  };
}

/** An applied voucher is followed by its key: "Voucher applied: Free coffee". */
export const voucherTracking: Tracking<Applied> = {
  key: (voucher) => voucher.voucherKey,
  count: () => 1,
  describe: (voucher) => `Voucher applied: ${voucher.title}`,
};
