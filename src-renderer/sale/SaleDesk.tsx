import { useQuery } from '@tanstack/react-query';
import { useMemo, type RefObject } from 'react';
import { failureMessage, useTillClient } from '../client';
import { AlertSlot } from '../common/AlertSlot';
import { useSlowSince } from '../common/useSlowFlag';
import { BasketTable } from './BasketTable';
import { CustomerPanel } from './CustomerPanel';
import {
  useConfirmSale,
  useRemoveLine,
  useRemoveVoucher,
  useSetCustomer,
  useSetQuantity,
  useVoidSale,
} from './mutations';
import { currentSaleQuery } from './queries';
import { SaleActions } from './SaleActions';
import { saleAlert } from './sale-alert';
import { lineTracking, voucherTracking } from './sale-tracking';
import { ScanBar } from './ScanBar';
import { TotalsPanel, type TotalsSale } from './TotalsPanel';
import { useAnnouncement, useLatestChange } from './useLatestChange';
import { useSaleActivity } from './useSaleActivity';
import { VoucherPanel } from './VoucherPanel';

interface SaleDeskProps {
  readonly scanRef: RefObject<HTMLInputElement | null>;
  readonly onScan: (code: string) => void;
  readonly onConfirmed: (basketCode: string) => void;
}

/** What the totals show before the sale has loaded: zeros, greyed as "Pricing…". */
const LOADING_TOTALS: TotalsSale = {
  totals: { gross: 0, discount: 0, net: 0 },
  applied: [],
  currency: 'EUR',
  locale: 'nl-NL',
  pricedBy: 'local',
  pricing: { state: 'priced' },
};

/** The open sale: scan field and basket on the left; customer, vouchers, totals, actions on the right. */
export function SaleDesk({ scanRef, onScan, onConfirmed }: SaleDeskProps) {
  const client = useTillClient();
  const saleQuery = useQuery(currentSaleQuery(client));
  const sale = saleQuery.data;
  const activity = useSaleActivity();
  const engineSlow = useSlowSince(sale?.pricing.state === 'waiting' ? sale.pricing.since : null);
  const locale = sale?.locale ?? 'en';
  const lines = useMemo(() => lineTracking(locale), [locale]);
  const latestLine = useLatestChange(sale?.lines, lines);
  const latestVoucher = useLatestChange(sale?.applied, voucherTracking);
  const announcement = useAnnouncement([latestLine, latestVoucher]);

  const setQuantity = useSetQuantity();
  const removeLine = useRemoveLine();
  const removeVoucher = useRemoveVoucher();
  const setCustomer = useSetCustomer();
  const voidSale = useVoidSale();
  const confirm = useConfirmSale(onConfirmed);

  const refocus = () => {
    scanRef.current?.focus();
  };
  const settled = { onSettled: refocus };

  const alert = saleQuery.isError
    ? { tone: 'danger' as const, lines: [failureMessage(saleQuery.error)] }
    : saleAlert(sale, activity.last, activity.slow || engineSlow);
  const started =
    sale !== undefined &&
    (sale.lines.length > 0 ||
      sale.customer !== null ||
      sale.applied.length > 0 ||
      sale.rejected.length > 0);

  return (
    <div className="sale">
      <div className="sale__main">
        <header className="screen-header">
          <h1 className="screen-header__title">Sale</h1>
          <p className="screen-header__meta">
            {sale ? (
              <>
                Basket <span className="code">{sale.basketCode}</span>
              </>
            ) : (
              '\u00a0'
            )}
          </p>
          {saleQuery.isError ? (
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => void saleQuery.refetch()}
            >
              Try again
            </button>
          ) : null}
        </header>
        <ScanBar onScan={onScan} inputRef={scanRef} />
        <AlertSlot alert={alert} idleText="Ready: scan an item, a loyalty card or a voucher." />
        <BasketTable
          sale={sale ?? null}
          latest={latestLine}
          onQuantity={(line, quantity) => {
            setQuantity.mutate({ lineId: line.lineId, quantity }, settled);
          }}
          onRemove={(line) => {
            removeLine.mutate({ lineId: line.lineId }, settled);
          }}
        />
      </div>
      <aside className="sale__side" aria-label="Sale summary">
        <CustomerPanel
          customer={sale?.customer}
          onRemove={() => {
            setCustomer.mutate({ memberNumber: null }, settled);
          }}
        />
        <VoucherPanel
          sale={sale ?? { applied: [], rejected: [], currency: 'EUR', locale: 'en' }}
          latest={latestVoucher}
          onRemove={(ref) => {
            removeVoucher.mutate({ ref }, settled);
          }}
        />
        <TotalsPanel sale={sale ?? LOADING_TOTALS} pricing={activity.busy || sale === undefined} />
        <SaleActions
          canConfirm={sale !== undefined && sale.lines.length > 0 && !activity.busy}
          canVoid={started && !confirm.isPending}
          confirming={confirm.isPending}
          onConfirm={() => {
            confirm.mutate(undefined, { onError: refocus });
          }}
          onVoid={() => {
            voidSale.mutate(undefined, settled);
          }}
          onDismiss={refocus}
        />
      </aside>
      {/* what the last scan added, said once by a screen reader without taking focus */}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
