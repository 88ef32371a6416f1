import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../src-shared/money';
import type { RecentSaleView, ReturnableSaleView } from '../../src-shared/till';
import { useTillClient } from '../client';
import { AlertSlot } from '../common/AlertSlot';
import { failureText } from '../common/message-words';
import { RowButton } from '../common/RowButton';
import { formatStamp } from '../common/time';
import { ReceiptPanel } from '../receipt/ReceiptPanel';
import { currentSaleQuery } from '../sale/queries';
import { useScanner } from '../scanner/useScanner';
import { PaymentPanel, usePayment } from '../tender/usePayment';
import { OriginalSale } from './OriginalSale';
import { recentSalesQuery, useAddReturn, useFindSale } from './queries';
import { ReturnBasket } from './ReturnBasket';

/**
 * Returns at the till: find the sale (its receipt's barcode, its number typed, or one of this
 * till's latest sales), pick the lines and quantities that come back, confirm the refund. The
 * return receipt shows the vouchers the engine gives back for the returned lines' shares.
 */
export function ReturnScreen() {
  const { t } = useTranslation();
  const client = useTillClient();
  const scanRef = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [found, setFound] = useState<ReturnableSaleView | null>(null);
  const [receiptCode, setReceiptCode] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const recent = useQuery(recentSalesQuery(client));
  const sale = useQuery({ ...currentSaleQuery(client), enabled: receiptCode === null });
  const find = useFindSale();
  const add = useAddReturn();
  const payment = usePayment((basketCode) => {
    setReceiptCode(basketCode);
    setFound(null);
  });

  const lookUp = (basketCode: string) => {
    const wanted = basketCode.trim();
    if (wanted === '') return;
    setCode(wanted);
    setFailure(null);
    find.mutate(
      { basketCode: wanted },
      {
        onSuccess: (view) => {
          setFound(view);
        },
        onError: (error) => {
          setFound(null);
          setFailure(failureText(error, t));
        },
      },
    );
  };
  useScanner({ onScan: lookUp, scanField: scanRef });

  if (receiptCode !== null)
    return (
      <ReceiptPanel
        basketCode={receiptCode}
        onNewSale={() => {
          setReceiptCode(null);
          setCode('');
        }}
        onScan={(scanned) => {
          setReceiptCode(null);
          lookUp(scanned);
        }}
      />
    );

  return (
    <section className="sale return" aria-labelledby="return-heading">
      <div className="sale__main">
        <header className="screen-header">
          <h1 id="return-heading" className="screen-header__title">
            {t('screens.return.heading')}
          </h1>
        </header>
        <AlertSlot
          alert={failure === null ? null : { tone: 'danger', lines: [failure] }}
          idleText={
            found === null ? t('screens.return.find.hint') : t('screens.return.original.hint')
          }
          scroll
        />
        <form
          className="scan-bar"
          onSubmit={(event) => {
            event.preventDefault();
            lookUp(code);
          }}
        >
          <label className="visually-hidden" htmlFor="return-basket-code">
            {t('screens.return.find.label')}
          </label>
          <input
            id="return-basket-code"
            placeholder={t('screens.return.find.label')}
            ref={scanRef}
            className="scan-bar__input"
            autoComplete="off"
            value={code}
            onChange={(event) => {
              setCode(event.target.value);
            }}
          />
          <button
            type="submit"
            className="button button--primary scan-bar__submit"
            disabled={find.isPending}
            aria-busy={find.isPending}
          >
            {t('screens.return.find.submit')}
          </button>
        </form>
        {found ? (
          <OriginalSale
            key={found.basketCode}
            sale={found}
            adding={add.isPending}
            onAdd={(lines) => {
              setFailure(null);
              add.mutate(
                { basketCode: found.basketCode, lines },
                {
                  onError: (error) => {
                    setFailure(failureText(error, t));
                  },
                },
              );
            }}
          />
        ) : null}
        {sale.data && recent.data ? (
          <RecentSales
            sales={recent.data}
            currency={sale.data.currency}
            locale={sale.data.locale}
            onPick={lookUp}
          />
        ) : null}
      </div>
      <aside className="sale__side">
        {sale.data ? (
          <ReturnBasket
            sale={sale.data}
            confirming={payment.confirm.isPending && !payment.paying}
            ready={payment.ready}
            onConfirm={(returned) => {
              setFailure(null);
              payment.start(returned, (error) => {
                setFailure(failureText(error, t));
              });
            }}
          />
        ) : null}
      </aside>
      <PaymentPanel
        payment={payment}
        sale={sale.data}
        onClosed={() => {
          scanRef.current?.focus();
        }}
      />
    </section>
  );
}

interface RecentSalesProps {
  readonly sales: readonly RecentSaleView[];
  readonly currency: string;
  readonly locale: string;
  readonly onPick: (basketCode: string) => void;
}

/** This till's latest sales, each with a button to return from it. */
function RecentSales({ sales, currency, locale, onPick }: RecentSalesProps) {
  const { t } = useTranslation();
  return (
    <section className="panel return__panel" aria-labelledby="return-recent-heading">
      <h2 id="return-recent-heading" className="panel__heading">
        {t('screens.return.recent.heading')}
      </h2>
      {sales.length === 0 ? (
        <p className="panel__empty">{t('screens.return.recent.none')}</p>
      ) : (
        <div className="table-frame">
          <table className="table" aria-label={t('screens.return.recent.table')}>
            <thead>
              <tr>
                <th scope="col">{t('screens.return.recent.sale')}</th>
                <th scope="col">{t('screens.return.recent.when')}</th>
                <th scope="col">{t('screens.return.recent.customer')}</th>
                <th scope="col" className="num">
                  {t('screens.return.recent.total')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('screens.return.recent.pickShort')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sales.map((row) => (
                <tr key={row.basketCode}>
                  <td className="code">{row.basketCode}</td>
                  <td>{formatStamp(row.confirmedAt, locale)}</td>
                  <td>{row.customer?.memberNumber ?? t('screens.return.recent.anonymous')}</td>
                  <td className="num money">{formatMoney(row.net, currency, locale)}</td>
                  <td>
                    <RowButton
                      text={t('screens.return.recent.pickShort')}
                      name={t('screens.return.recent.pick', { basketCode: row.basketCode })}
                      onClick={() => {
                        onPick(row.basketCode);
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
