import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText } from '../common/message-words';
import type { ReceiptView } from '../../src-shared/till';
import { useTillClient } from '../client';
import { AlertSlot } from '../common/AlertSlot';
import { formatStamp } from '../common/time';
import { receiptQuery } from '../sale/queries';
import { useScanner } from '../scanner/useScanner';
import { ReceiptLines } from './ReceiptLines';
import { KeyHint, SALE_KEYS, useFunctionKey } from '../common/useFunctionKey';
import { ReceiptSummary, ReceiptTotals } from './ReceiptSummary';

function confirmedText(receipt: ReceiptView, t: TFunction): string {
  const when = formatStamp(receipt.confirmedAt, receipt.locale);
  return receipt.customer
    ? t('screens.receipt.confirmedForMember', {
        memberNumber: receipt.customer.memberNumber,
        when,
      })
    : t('screens.receipt.confirmed', { when });
}

/** Whether the engine has the sale; a practice sale is never recorded at all. */
function syncText(receipt: ReceiptView, t: TFunction): string {
  if (receipt.training) return t('screens.receipt.trainingNotRecorded');
  return receipt.syncState === 'synced' ? t('screens.receipt.synced') : t('screens.receipt.queued');
}

interface ReceiptPanelProps {
  readonly basketCode: string;
  readonly onNewSale: () => void;
  /** A scan here starts the next sale with it. */
  readonly onScan: (code: string) => void;
}

/** The confirmed sale: what was sold, what was redeemed, what to hand over; then New sale. */
export function ReceiptPanel({ basketCode, onNewSale, onScan }: ReceiptPanelProps) {
  const { t, i18n } = useTranslation();
  const client = useTillClient();
  const receipt = useQuery(receiptQuery(client, basketCode));
  const noScanField = useRef<HTMLInputElement>(null);
  useScanner({ onScan, scanField: noScanField });
  useFunctionKey(SALE_KEYS.newSale, onNewSale);
  const data = receipt.data;

  return (
    <section className="sale receipt" aria-labelledby="receipt-heading">
      <div className="sale__main">
        <header className="screen-header">
          <h1 id="receipt-heading" className="screen-header__title">
            {t('screens.receipt.heading')}
          </h1>
          <p className="screen-header__meta">
            {t('screens.receipt.basket')} <span className="code">{basketCode}</span>
          </p>
          {/* turns synced when the core announces the sync (`sync-changed`), without a reload */}
          <p
            className={`sync-badge sync-badge--${data?.training ? 'queued' : (data?.syncState ?? 'queued')}`}
            role="status"
            aria-label={t('screens.receipt.syncState')}
          >
            {data ? syncText(data, t) : '\u00a0'}
          </p>
        </header>
        {data?.training ? (
          <p className="receipt__training">{t('screens.receipt.trainingMark')}</p>
        ) : null}
        <AlertSlot
          alert={
            receipt.isError
              ? {
                  tone: 'danger',
                  lines: [failureText(receipt.error, t, { language: i18n.language })],
                }
              : null
          }
          idleText={data ? confirmedText(data, t) : t('screens.receipt.confirmedLoading')}
        />
        {data ? (
          <ReceiptLines receipt={data} />
        ) : (
          <p className="panel__empty">{t('screens.receipt.loading')}</p>
        )}
      </div>
      <div className="sale__side">
        {/* scrolls when long (many warnings, many vouchers); Total paid stays below it in view */}
        <div
          className="receipt__summary"
          role="region"
          aria-label={t('screens.receipt.summary')}
          tabIndex={0}
        >
          {data ? <ReceiptSummary receipt={data} /> : null}
        </div>
        {data ? <ReceiptTotals receipt={data} /> : null}
        <div className="sale-actions">
          <button
            type="button"
            className="button button--primary button--wide"
            // the next customer is waiting: Enter starts their sale
            autoFocus
            aria-keyshortcuts={SALE_KEYS.newSale}
            onClick={onNewSale}
          >
            {t('screens.receipt.newSale')}
            <KeyHint shortcut={SALE_KEYS.newSale} />
          </button>
          <p className="sale-actions__hint">{t('screens.receipt.newSaleHint')}</p>
        </div>
      </div>
    </section>
  );
}
