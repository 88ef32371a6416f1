import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useTillClient } from '../client';
import { receiptQuery } from '../sale/queries';
import { KeyHint, SALE_KEYS, useFunctionKey } from '../common/useFunctionKey';
import { useScanner } from '../scanner/useScanner';
import { PrintButton } from './PrintButton';
import { ReceiptFrame } from './ReceiptFrame';
import { usePrintReceipt } from './usePrintReceipt';

interface ReceiptPanelProps {
  readonly basketCode: string;
  readonly onNewSale: () => void;
  /** A scan here starts the next sale with it. */
  readonly onScan: (code: string) => void;
}

/** The confirmed sale: what was sold, what was redeemed, what to hand over; Print, then New sale. */
export function ReceiptPanel({ basketCode, onNewSale, onScan }: ReceiptPanelProps) {
  const { t } = useTranslation();
  const client = useTillClient();
  const receipt = useQuery(receiptQuery(client, basketCode));
  const printing = usePrintReceipt();
  const noScanField = useRef<HTMLInputElement>(null);
  useScanner({ onScan, scanField: noScanField });
  useFunctionKey(SALE_KEYS.newSale, onNewSale);

  return (
    <ReceiptFrame
      basketCode={basketCode}
      receipt={receipt}
      notice={printing.alert}
      actions={
        <>
          <PrintButton receipt={receipt.data} printing={printing} />
          <button
            type="button"
            className="button button--primary"
            // the next customer is waiting: Enter starts their sale
            autoFocus
            aria-keyshortcuts={SALE_KEYS.newSale}
            onClick={onNewSale}
          >
            {t('screens.receipt.newSale')}
            <KeyHint shortcut={SALE_KEYS.newSale} />
          </button>
          <p className="sale-actions__hint">{t('screens.receipt.newSaleHint')}</p>
        </>
      }
    />
  );
}
