import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleView } from '../../src-shared/till';
import { useTillClient } from '../client';
import { failureText } from '../common/message-words';
import { useConfirmSale } from '../sale/mutations';
import { statusQuery } from '../status/queries';
import { TenderDialog } from './TenderDialog';

/**
 * Confirming a sale or a return: at once where a host POS takes the payment or nothing is due,
 * otherwise through the payment panel (a refund when the total is negative).
 */
export function usePayment(onConfirmed: (basketCode: string) => void) {
  const client = useTillClient();
  const confirm = useConfirmSale(onConfirmed);
  const settings = useQuery(statusQuery(client)).data?.tender;
  const [paying, setPaying] = useState(false);
  const start = (sale: SaleView, onError: (error: Error) => void) => {
    // a host POS took the payment: the till only confirms
    if (settings?.hostTakesPayment !== false) confirm.mutate(null, { onError });
    // vouchers paid it all: nothing to take, so no payment panel
    else if (sale.totals.net === 0) confirm.mutate({ tenders: [], due: 0 }, { onError });
    else {
      confirm.reset();
      setPaying(true);
    }
  };
  return {
    confirm,
    settings,
    /** The payment panel is open. */
    paying,
    /** Known once the till said how it takes payment. */
    ready: settings !== undefined,
    start,
    close: () => {
      if (!confirm.isPending) setPaying(false);
    },
    done: () => {
      setPaying(false);
    },
  };
}

export type Payment = ReturnType<typeof usePayment>;

interface PaymentPanelProps {
  readonly payment: Payment;
  readonly sale: SaleView | undefined;
  /** Focus goes back where the cashier works. */
  readonly onClosed: () => void;
}

/** The payment panel while `payment` is taking one for `sale`. */
export function PaymentPanel({ payment, sale, onClosed }: PaymentPanelProps) {
  const { t } = useTranslation();
  const { confirm, settings } = payment;
  if (!payment.paying || !sale || !settings) return null;
  return (
    <TenderDialog
      due={sale.totals.net}
      money={{ currency: sale.currency, locale: sale.locale }}
      settings={settings}
      confirming={confirm.isPending}
      failure={confirm.isError ? failureText(confirm.error, t) : null}
      onConfirm={(tenders) => {
        confirm.mutate({ tenders, due: sale.totals.net }, { onSuccess: payment.done });
      }}
      onClose={payment.close}
      onClosed={onClosed}
    />
  );
}
