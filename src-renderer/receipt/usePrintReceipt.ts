import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertProps } from '../common/AlertSlot';
import { printPage } from './print';

/** A print asked for: the receipt is mounted for print until it is done. */
export interface PrintJob {
  /** A reprint: the paper says it is a copy. */
  readonly copy: boolean;
}

export interface ReceiptPrinting {
  /** Mounts the receipt for print (`job`); it prints once `ready` is called. */
  readonly print: () => void;
  /** The receipt is laid out for print, its barcodes drawn: print it now. */
  readonly ready: () => void;
  readonly job: PrintJob | null;
  /** How many times it was printed here: every print after the first is a copy. */
  readonly printed: number;
  /** Every print is a copy (a past sale's). */
  readonly copies: boolean;
  /** What the cashier is told: the printer's failure, or that it printed. */
  readonly alert: AlertProps['alert'];
}

/**
 * Printing the receipt on screen, and what came of it. `copies` makes every print a copy (a
 * reprint of a past sale); otherwise the first is the original.
 */
export function usePrintReceipt({ copies = false }: { copies?: boolean } = {}): ReceiptPrinting {
  const { t } = useTranslation();
  const [job, setJob] = useState<PrintJob | null>(null);
  const [printed, setPrinted] = useState(0);
  const [alert, setAlert] = useState<AlertProps['alert']>(null);
  const sent = useRef(false);
  const print = () => {
    if (job) return;
    sent.current = false;
    setAlert(null);
    setJob({ copy: copies || printed > 0 });
  };
  const ready = () => {
    if (sent.current) return;
    sent.current = true;
    void printPage().then((outcome) => {
      setJob(null);
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
  return { print, ready, job, printed, copies, alert };
}
