import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTillClient } from '../client';
import { ReceiptPanel } from '../receipt/ReceiptPanel';
import { decimalSignOf, Keypad } from './Keypad';
import { useScanCode } from './mutations';
import { currentSaleQuery } from './queries';
import { SaleDesk } from './SaleDesk';
import { useScanTiming } from './useScanTiming';
import { weighingAskedBy, type Weighing } from './weighing';

interface SaleScreenProps {
  /** The confirmed sale whose receipt is on screen, or null while selling. */
  readonly receiptCode: string | null;
  readonly onReceipt: (basketCode: string) => void;
  readonly onNewSale: () => void;
}

/**
 * The cashier's screen: the open sale, or the receipt of the one just confirmed. Scans go
 * through here in both cases: a scan on the receipt starts the next sale with that item. An
 * item sold by weight is added once the keypad has its weight.
 */
export function SaleScreen({ receiptCode, onReceipt, onNewSale }: SaleScreenProps) {
  const { t } = useTranslation();
  const client = useTillClient();
  const scanRef = useRef<HTMLInputElement>(null);
  const { dataUpdatedAt, data: sale } = useQuery({
    ...currentSaleQuery(client),
    enabled: receiptCode === null,
  });
  const measureWhenShown = useScanTiming(dataUpdatedAt);
  const scan = useScanCode(measureWhenShown);
  const [weighing, setWeighing] = useState<Weighing | null>(null);

  const send = (code: string, quantity?: number) => {
    scan.mutate(
      { code, quantity },
      {
        onSuccess: ({ view }) => {
          setWeighing(weighingAskedBy(view));
        },
      },
    );
  };

  const weigh = weighing ? (
    <Keypad
      key={weighing.barcode}
      title={t('screens.sale.keypad.weightTitle', { name: weighing.name })}
      unit="kg"
      decimalSign={decimalSignOf(sale?.locale ?? 'en')}
      onEnter={(kilograms) => {
        setWeighing(null);
        send(weighing.barcode, kilograms);
      }}
      onClose={() => {
        setWeighing(null);
      }}
      onClosed={() => {
        scanRef.current?.focus();
      }}
    />
  ) : null;

  if (receiptCode !== null)
    return (
      <ReceiptPanel
        basketCode={receiptCode}
        onNewSale={onNewSale}
        onScan={(code) => {
          onNewSale();
          send(code);
        }}
      />
    );
  return (
    <>
      <SaleDesk scanRef={scanRef} onScan={send} onConfirmed={onReceipt} />
      {weigh}
    </>
  );
}
