import { useEffect, useRef, type Ref } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatQuantity } from '../../src-shared/i18n/formats';
import { formatMoney } from '../../src-shared/money';
import type { SaleView } from '../../src-shared/till';
import { Icon } from '../common/icons';
import { LineMoneyCells } from '../common/LineMoneyCells';
import { quantityText, weighedText } from '../common/quantity-words';
import { scrollIntoViewIfAble } from '../common/scroll-into-view';
import type { LatestChange } from './useLatestChange';

type Line = SaleView['lines'][number];

interface BasketTableProps {
  /** Null while the sale is loading: the table keeps its place. */
  readonly sale: Pick<SaleView, 'lines' | 'applied' | 'currency' | 'locale' | 'pricing'> | null;
  readonly onQuantity: (line: Line, quantity: number) => void;
  readonly onRemove: (line: Line) => void;
  /** The quantity (or weight) is tapped: the keypad opens for it. */
  readonly onKeypad?: (line: Line) => void;
  readonly emptyText?: string;
  /** The line scanned last: it is scrolled into view and marked. */
  readonly latest?: LatestChange | null;
}

function shareTitle(
  line: Line,
  sale: NonNullable<BasketTableProps['sale']>,
  t: TFunction,
): string | undefined {
  if (line.shares.length === 0) return undefined;
  const names = new Map(sale.applied.map((voucher) => [voucher.voucherKey, voucher.title]));
  return line.shares
    .map(
      (share) =>
        `${names.get(share.voucherKey) ?? t('screens.sale.basket.someVoucher')}: ${formatMoney(-share.discount, sale.currency, sale.locale)}`,
    )
    .join('\n');
}

type RowProps = { line: Line; rowRef?: Ref<HTMLTableRowElement> | undefined } & BasketTableProps;

/** The line's quantity as a button that opens the keypad; pieces step by one beside it, a weight does not. */
function QuantityCell({ line, sale, onQuantity, onKeypad }: RowProps) {
  const { t } = useTranslation();
  if (!sale) return null;
  const shown = quantityText(line, sale.locale, t);
  const value = (
    <button
      type="button"
      className="stepper__value num"
      aria-label={t(
        line.unit === 'kg'
          ? 'screens.sale.basket.changeWeight'
          : 'screens.sale.basket.changeQuantity',
        { name: line.name, quantity: formatQuantity(line.quantity, line.unit, sale.locale) },
      )}
      aria-haspopup="dialog"
      disabled={onKeypad === undefined}
      onClick={() => {
        onKeypad?.(line);
      }}
    >
      {shown}
    </button>
  );
  if (line.unit === 'kg') return <div className="stepper stepper--weight">{value}</div>;
  return (
    <div className="stepper">
      <button
        type="button"
        className="icon-button"
        aria-label={t('screens.sale.basket.oneFewer', { name: line.name })}
        disabled={line.quantity <= 1}
        onClick={() => {
          onQuantity(line, line.quantity - 1);
        }}
      >
        <Icon name="minus" />
      </button>
      {value}
      <button
        type="button"
        className="icon-button"
        aria-label={t('screens.sale.basket.oneMore', { name: line.name })}
        onClick={() => {
          onQuantity(line, line.quantity + 1);
        }}
      >
        <Icon name="plus" />
      </button>
    </div>
  );
}

function BasketRow(props: RowProps) {
  const { line, sale, onRemove, latest, rowRef } = props;
  const { t } = useTranslation();
  if (!sale) return null;
  // provisional: the shelf price shows at once, the engine's price follows (`sale-changed`)
  const waiting = sale.pricing.state === 'waiting';
  const isLatest = latest?.key === line.lineId;
  return (
    <tr ref={rowRef} className={isLatest ? 'basket__row--latest' : undefined}>
      <td className="basket__item">
        <span className="basket__name" title={line.name}>
          {line.name}
        </span>
        {line.unit === 'kg' ? (
          <span className="basket__weighed num">
            {weighedText(line, sale.currency, sale.locale, t)}
          </span>
        ) : null}
        {line.excluded ? (
          <span className="tag tag--muted">{t('screens.sale.basket.noDiscounts')}</span>
        ) : null}
        {waiting ? (
          <span className="tag tag--muted basket__waiting">{t('screens.sale.lineWaiting')}</span>
        ) : null}
      </td>
      <td className="basket__quantity">
        <QuantityCell {...props} />
      </td>
      <LineMoneyCells
        line={line}
        currency={sale.currency}
        locale={sale.locale}
        discountTitle={shareTitle(line, sale, t)}
      />
      <td className="basket__actions">
        <button
          type="button"
          className="icon-button icon-button--danger"
          aria-label={t('screens.sale.basket.remove', { name: line.name })}
          title={t('screens.sale.basket.remove', { name: line.name })}
          onClick={() => {
            onRemove(line);
          }}
        >
          <Icon name="trash" />
        </button>
      </td>
    </tr>
  );
}

/** The basket: one row per line with its quantity buttons, prices and share of the discounts. */
export function BasketTable(props: BasketTableProps) {
  const { t } = useTranslation();
  const { sale, emptyText = t('screens.sale.basket.empty'), latest } = props;
  const latestRow = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    if (latest) scrollIntoViewIfAble(latestRow.current);
  }, [latest]);
  return (
    <div className="table-frame basket">
      <table className="table" aria-label={t('screens.sale.basket.label')}>
        <thead>
          <tr>
            <th scope="col">{t('screens.sale.basket.item')}</th>
            <th scope="col" className="basket__quantity">
              {t('screens.sale.basket.quantity')}
            </th>
            <th scope="col" className="num">
              {t('screens.sale.basket.unitPrice')}
            </th>
            <th scope="col" className="num">
              {t('screens.sale.basket.discount')}
            </th>
            <th scope="col" className="num">
              {t('screens.sale.basket.lineTotal')}
            </th>
            <td className="basket__actions" />
          </tr>
        </thead>
        <tbody>
          {sale === null ? (
            <tr className="table__placeholder">
              <td colSpan={6}>{t('screens.sale.basket.loading')}</td>
            </tr>
          ) : sale.lines.length === 0 ? (
            <tr className="table__placeholder">
              <td colSpan={6}>{emptyText}</td>
            </tr>
          ) : (
            sale.lines.map((line) => (
              <BasketRow
                key={line.lineId}
                line={line}
                rowRef={latest?.key === line.lineId ? latestRow : undefined}
                {...props}
              />
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
