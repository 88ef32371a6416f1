import { useTranslation } from 'react-i18next';
import type { ReceiptView } from '../../src-shared/till';
import { LineMoneyCells } from '../common/LineMoneyCells';
import { quantityText } from '../common/quantity-words';

/** What was sold: one row per line, with its share of the discounts. */
export function ReceiptLines({ receipt }: { readonly receipt: ReceiptView }) {
  const { t } = useTranslation();
  return (
    // scrolls when the sale is long: reachable by keyboard, named for a screen reader
    <div
      className="table-frame"
      role="region"
      aria-label={t('screens.receipt.lines.region')}
      tabIndex={0}
    >
      <table className="table" aria-label={t('screens.receipt.lines.table')}>
        <thead>
          <tr>
            <th scope="col">{t('screens.receipt.lines.item')}</th>
            <th scope="col" className="num">
              {t('screens.receipt.lines.quantity')}
            </th>
            <th scope="col" className="num">
              {t('screens.receipt.lines.unitPrice')}
            </th>
            <th scope="col" className="num">
              {t('screens.receipt.lines.discount')}
            </th>
            <th scope="col" className="num">
              {t('screens.receipt.lines.lineTotal')}
            </th>
          </tr>
        </thead>
        <tbody>
          {receipt.lines.map((line) => (
            <tr key={line.lineId}>
              <td className="basket__item">
                <span className="basket__name" title={line.name}>
                  {line.name}
                </span>
              </td>
              <td className="num">{quantityText(line, receipt.locale, t)}</td>
              <LineMoneyCells line={line} currency={receipt.currency} locale={receipt.locale} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
