import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../src-shared/money';
import type { SaleView } from '../../src-shared/till';
import { unitPriceText } from './quantity-words';

type Line = SaleView['lines'][number];

/** A sale line's unit price (per kg for a weighed line), discount (a dash when none) and line total, as table cells. */
export function LineMoneyCells(props: {
  readonly line: Line;
  readonly currency: string;
  readonly locale: string;
  /** What makes up the discount (each voucher's share), shown on hover. */
  readonly discountTitle?: string | undefined;
}) {
  const { line, currency, locale, discountTitle } = props;
  const { t } = useTranslation();
  const money = (minor: number) => formatMoney(minor, currency, locale);
  return (
    <>
      <td className="num">{unitPriceText(line, currency, locale, t)}</td>
      <td className={`num ${line.discount > 0 ? 'basket__discount' : 'basket__nil'}`}>
        <span title={discountTitle}>{line.discount > 0 ? money(-line.discount) : '—'}</span>
      </td>
      <td className="num basket__total">{money(line.net)}</td>
    </>
  );
}
