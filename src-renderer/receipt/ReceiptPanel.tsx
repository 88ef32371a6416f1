import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import type { ReceiptView } from '../../src-shared/till';
import { failureMessage, useTillClient } from '../client';
import { AlertSlot } from '../common/AlertSlot';
import { formatStamp } from '../common/time';
import { receiptQuery } from '../sale/queries';
import { useScanner } from '../scanner/useScanner';
import { ReceiptLines } from './ReceiptLines';
import { ReceiptSummary, ReceiptTotals } from './ReceiptSummary';

function confirmedText(receipt: ReceiptView): string {
  const when = formatStamp(receipt.confirmedAt, receipt.locale);
  const who = receipt.customer ? ` for member ${receipt.customer.memberNumber}` : '';
  return `Paid and confirmed${who} on ${when}.`;
}

interface ReceiptPanelProps {
  readonly basketCode: string;
  readonly onNewSale: () => void;
  /** A scan here starts the next sale with it. */
  readonly onScan: (code: string) => void;
}

/** The confirmed sale: what was sold, what was redeemed, what to hand over; then New sale. */
export function ReceiptPanel({ basketCode, onNewSale, onScan }: ReceiptPanelProps) {
  const client = useTillClient();
  const receipt = useQuery(receiptQuery(client, basketCode));
  const noScanField = useRef<HTMLInputElement>(null);
  useScanner({ onScan, scanField: noScanField });
  const data = receipt.data;

  return (
    <section className="sale receipt" aria-labelledby="receipt-heading">
      <div className="sale__main">
        <header className="screen-header">
          <h1 id="receipt-heading" className="screen-header__title">
            Receipt
          </h1>
          <p className="screen-header__meta">
            Basket <span className="code">{basketCode}</span>
          </p>
          <p className={`sync-badge sync-badge--${data?.syncState ?? 'queued'}`}>
            {data
              ? data.syncState === 'synced'
                ? 'Recorded by the engine'
                : 'Waiting to sync'
              : '\u00a0'}
          </p>
        </header>
        <AlertSlot
          alert={
            receipt.isError ? { tone: 'danger', lines: [failureMessage(receipt.error)] } : null
          }
          idleText={data ? confirmedText(data) : 'Sale confirmed.'}
        />
        {data ? (
          <ReceiptLines receipt={data} />
        ) : (
          <p className="panel__empty">Loading the receipt…</p>
        )}
      </div>
      <div className="sale__side">
        {/* scrolls when long (many warnings, many vouchers); Total paid stays below it in view */}
        <div
          className="receipt__summary"
          role="region"
          aria-label="Vouchers and warnings"
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
            onClick={onNewSale}
          >
            New sale
          </button>
          <p className="sale-actions__hint">Press Enter, or scan the next customer’s first item.</p>
        </div>
      </div>
    </section>
  );
}
