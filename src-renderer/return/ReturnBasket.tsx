import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../src-shared/money';
import type { SaleView } from '../../src-shared/till';
import { useLineName } from './OriginalSale';

interface ReturnBasketProps {
  readonly sale: SaleView;
  readonly confirming: boolean;
  /** The till said how it takes payment: the refund can be confirmed. */
  readonly ready: boolean;
  readonly onConfirm: (sale: SaleView) => void;
}

/**
 * The open sale's return lines as the till core priced them: each line's price, the voucher
 * shares stored at the sale that come back as vouchers, and the refund; then Confirm return.
 */
export function ReturnBasket({ sale, confirming, ready, onConfirm }: ReturnBasketProps) {
  const { t } = useTranslation();
  const nameOf = useLineName();
  const money = (minor: number) => formatMoney(minor, sale.currency, sale.locale);
  const lines = sale.lines.filter((line) => line.returnOf !== undefined);
  const back = lines.reduce((sum, line) => sum + (line.returnOf?.vouchersBack ?? 0), 0);
  const waiting = sale.pricing.state === 'waiting';
  return (
    <section className="panel return__panel" aria-labelledby="return-basket-heading">
      <h2 id="return-basket-heading" className="panel__heading">
        {t('screens.return.basket.heading')}
      </h2>
      {lines.length === 0 ? (
        <p className="panel__empty">{t('screens.return.basket.empty')}</p>
      ) : (
        <>
          {/* scrolls when the side is narrow: reachable by keyboard, named for a screen reader */}
          <div
            className="table-frame"
            role="region"
            aria-label={t('screens.return.basket.region')}
            tabIndex={0}
          >
            <table className="table" aria-label={t('screens.return.basket.table')}>
              <thead>
                <tr>
                  <th scope="col">{t('screens.return.basket.item')}</th>
                  <th scope="col" className="num">
                    {t('screens.return.basket.vouchersBack')}
                  </th>
                  <th scope="col" className="num">
                    {t('screens.return.basket.refund')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={line.lineId}>
                    <td>
                      {t('screens.return.basket.line', {
                        quantity: line.quantity,
                        item: nameOf({ name: line.name, lineId: line.returnOf?.lineId ?? '' }),
                      })}
                      <span className="panel__note return__price">{money(-line.gross)}</span>
                    </td>
                    <td className="num money">{money(line.returnOf?.vouchersBack ?? 0)}</td>
                    <td className="num money">{money(-line.net)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <dl className="totals" aria-live="polite">
            <div className="totals__row">
              <dt>{t('screens.return.basket.vouchersBackTotal')}</dt>
              <dd className="money">{money(back)}</dd>
            </div>
            <div className="totals__row totals__row--grand">
              <dt>{t('screens.return.basket.toRefund')}</dt>
              <dd className="money" data-testid="return-refund">
                {money(-sale.totals.net)}
              </dd>
            </div>
          </dl>
          <p className="panel__note" role="status">
            {waiting ? t('screens.return.basket.waiting') : t('screens.return.basket.hint')}
          </p>
          <button
            type="button"
            className="button button--confirm"
            disabled={waiting || confirming || !ready}
            aria-busy={confirming}
            onClick={() => {
              onConfirm(sale);
            }}
          >
            {t('screens.return.basket.confirm')}
          </button>
        </>
      )}
    </section>
  );
}
