import { useTranslation } from 'react-i18next';
import type { ReceiptView } from '../../src-shared/till';
import { PrintedReceipt } from './PrintedReceipt';
import type { ReceiptPrinting } from './usePrintReceipt';

interface PrintButtonProps {
  readonly receipt: ReceiptView | undefined;
  readonly printing: ReceiptPrinting;
  readonly primary?: boolean;
  readonly autoFocus?: boolean;
}

/**
 * Print receipt (Reprint receipt once printed, or for a copy): while it prints, the receipt is
 * mounted for print beside the screens.
 */
export function PrintButton({ receipt, printing, primary = false, autoFocus }: PrintButtonProps) {
  const { t } = useTranslation();
  const reprint = printing.printed > 0 || printing.copies;
  return (
    <>
      <button
        type="button"
        className={`button ${primary ? 'button--primary' : ''}`}
        autoFocus={autoFocus}
        disabled={!receipt || printing.job !== null}
        aria-busy={printing.job !== null}
        onClick={printing.print}
      >
        {reprint ? t('screens.receipt.print.reprint') : t('screens.receipt.print.button')}
      </button>
      {receipt && printing.job ? (
        <PrintedReceipt receipt={receipt} copy={printing.job.copy} onReady={printing.ready} />
      ) : null}
    </>
  );
}
