import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTillClient } from '../client';
import { PrintButton } from '../receipt/PrintButton';
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
    <ReceiptFrame
      basketCode={basketCode}
      receipt={receipt}
      notice={printing.alert}
      actions={
        <>
          <button type="button" className="button" onClick={onBack}>
            {t('screens.pastSales.receipt.back')}
          </button>
          <PrintButton receipt={receipt.data} printing={printing} primary autoFocus />
          <p className="sale-actions__hint">{t('screens.pastSales.receipt.hint')}</p>
        </>
      }
    />
  );
}
