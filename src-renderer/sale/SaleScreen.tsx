import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTillClient } from '../client';
import { ReceiptPanel } from '../receipt/ReceiptPanel';
import { useScanCode } from './mutations';
import { currentSaleQuery } from './queries';
import { SaleDesk } from './SaleDesk';
import { useScanTiming } from './useScanTiming';

interface SaleScreenProps {
  /** The confirmed sale whose receipt is on screen, or null while selling. */
  readonly receiptCode: string | null;
  readonly onReceipt: (basketCode: string) => void;
  readonly onNewSale: () => void;
}

/**
 * The cashier's screen: the open sale, or the receipt of the one just confirmed. Scans go
 * through here in both cases: a scan on the receipt starts the next sale with that item.
 */
export function SaleScreen({ receiptCode, onReceipt, onNewSale }: SaleScreenProps) {
  const client = useTillClient();
  const scanRef = useRef<HTMLInputElement>(null);
  const { dataUpdatedAt } = useQuery({
    ...currentSaleQuery(client),
    enabled: receiptCode === null,
  });
  const measureWhenShown = useScanTiming(dataUpdatedAt);
  const scan = useScanCode(measureWhenShown);

  const send = (code: string) => {
    scan.mutate({ code });
  };

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
  return <SaleDesk scanRef={scanRef} onScan={send} onConfirmed={onReceipt} />;
}
