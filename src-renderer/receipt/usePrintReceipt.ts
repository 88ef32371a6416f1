import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertProps } from '../common/AlertSlot';
import { printPage } from './print';

export interface ReceiptPrinting {
  /** Prints the receipt mounted for print (`PrintedReceipt`). */
  readonly print: () => void;
  readonly printing: boolean;
  /** How many times it was printed here: every print after the first is a copy. */
  readonly printed: number;
  /** What the cashier is told: the printer's failure, or that it printed. */
  readonly alert: AlertProps['alert'];
}

/** Printing the receipt on screen, and what came of it. */
export function usePrintReceipt(): ReceiptPrinting {
  const { t } = useTranslation();
  const [printing, setPrinting] = useState(false);
  const [printed, setPrinted] = useState(0);
  const [alert, setAlert] = useState<AlertProps['alert']>(null);
  const print = () => {
    if (printing) return;
    setPrinting(true);
    setAlert(null);
    void printPage().then((outcome) => {
      setPrinting(false);
      if (outcome.kind === 'failed') {
        setAlert({
          tone: 'danger',
          lines: [t('screens.receipt.print.failed', { reason: outcome.reason })],
        });
        return;
      }
      setPrinted((count) => count + 1);
      if (outcome.kind === 'printed')
        setAlert({ tone: 'info', lines: [t('screens.receipt.print.printed')] });
    });
  };
  return { print, printing, printed, alert };
}
