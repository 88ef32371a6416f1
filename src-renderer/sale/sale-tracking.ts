import type { TFunction } from 'i18next';
import type { SaleView } from '../../src-shared/till';
import type { Tracking } from './useLatestChange';

type Line = SaleView['lines'][number];
type Applied = SaleView['applied'][number];

/** A line is followed by its id and quantity: "Added Coffee beans 1 kg", "Coffee beans 1 kg, quantity 2". */
export function lineTracking(locale: string, t: TFunction): Tracking<Line> {
  const count = new Intl.NumberFormat(locale);
  return {
    key: (line) => line.lineId,
    count: (line) => line.quantity,
    describe: (line, added) =>
      added
        ? t('screens.sale.announce.added', { name: line.name })
        : t('screens.sale.announce.quantity', {
            name: line.name,
            quantity: count.format(line.quantity),
          }),
  };
}

/** An applied voucher is followed by its key: "Voucher applied: Free coffee". */
export function voucherTracking(t: TFunction): Tracking<Applied> {
  return {
    key: (voucher) => voucher.voucherKey,
    count: () => 1,
    describe: (voucher) => t('screens.sale.announce.voucher', { title: voucher.title }),
  };
}
