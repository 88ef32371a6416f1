import type { UseQueryResult } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptView } from '../../src-shared/till';
import { AlertSlot, type AlertProps } from '../common/AlertSlot';
import { failureText } from '../common/message-words';
import { formatStamp } from '../common/time';
import { ReceiptLines } from './ReceiptLines';
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

interface ReceiptFrameProps {
  readonly basketCode: string;
  readonly receipt: UseQueryResult<ReceiptView>;
  /** What a print came to, shown where the receipt's failures are. */
  readonly notice: AlertProps['alert'];
  /** The buttons below the totals, with their hint. */
  readonly actions: ReactNode;
}

/**
 * A confirmed sale's receipt on screen: heading, basket code, sync state, what was sold, the
 * vouchers and warnings, Total paid, then the screen's own actions. The sale screen shows it
 * after payment, the Past sales screen for a sale it opened.
 */
export function ReceiptFrame({ basketCode, receipt, notice, actions }: ReceiptFrameProps) {
  const { t, i18n } = useTranslation();
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
              : notice
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
        <div className="sale-actions">{actions}</div>
      </div>
    </section>
  );
}
