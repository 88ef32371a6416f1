import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTillClient } from '../client';
import { PrintedReceipt } from '../receipt/PrintedReceipt';
import { ReceiptFrame } from '../receipt/ReceiptFrame';
import { usePrintReceipt } from '../receipt/usePrintReceipt';
import { receiptQuery } from '../sale/queries';

interface PastSaleReceiptProps {
  readonly basketCode: string;
  readonly onBack: () => void;
}

/** A past sale's receipt as the journal keeps it (live: a queued one turns synced), to reprint. */
export function PastSaleReceipt({ basketCode, onBack }: PastSaleReceiptProps) {
  const { t } = useTranslation();
  const client = useTillClient();
  const receipt = useQuery(receiptQuery(client, basketCode));
  const printing = usePrintReceipt({ copies: true });
  return (
    <>
      <ReceiptFrame
        basketCode={basketCode}
        receipt={receipt}
        notice={printing.alert}
        actions={
          <>
            <button type="button" className="button" onClick={onBack}>
              {t('screens.pastSales.receipt.back')}
            </button>
            <button
              type="button"
              className="button button--primary"
              autoFocus
              disabled={!receipt.data || printing.job !== null}
              aria-busy={printing.job !== null}
              onClick={printing.print}
            >
              {t('screens.receipt.print.reprint')}
            </button>
            <p className="sale-actions__hint">{t('screens.pastSales.receipt.hint')}</p>
          </>
        }
      />
      {receipt.data && printing.job ? (
        <PrintedReceipt receipt={receipt.data} copy={printing.job.copy} onReady={printing.ready} />
      ) : null}
    </>
  );
}
