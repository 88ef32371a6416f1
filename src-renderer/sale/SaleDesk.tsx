import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useMemo, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { formatQuantity } from '../../src-shared/i18n/formats';
import type { SaleView } from '../../src-shared/till';
import type { CatalogueSearchView } from '../../src-shared/till/views';
import { useTillClient } from '../client';
import { PaymentPanel, usePayment } from '../tender/usePayment';
import { AlertSlot } from '../common/AlertSlot';
import { useNow } from '../common/useNow';
import { useSlowSince } from '../common/useSlowFlag';
import { BasketTable } from './BasketTable';
import { decimalSignOf, Keypad } from './Keypad';
import { SearchResults } from './SearchResults';
import { CustomerPanel } from './CustomerPanel';
import {
  useActivateVoucher,
  useKeepVoucher,
  useRemoveLine,
  useRemoveVoucher,
  useSetCustomer,
  useSetQuantity,
  useVoidSale,
} from './mutations';
import { currentSaleQuery } from './queries';
import { SaleActions } from './SaleActions';
import { failureText } from '../common/message-words';
import { saleAlert, type SaleAlert } from './sale-alert';
import { lineTracking, voucherTracking } from './sale-tracking';
import { ScanBar } from './ScanBar';
import { TotalsPanel, type TotalsSale } from './TotalsPanel';
import { useAnnouncement, useLatestChange } from './useLatestChange';
import { useSaleActivity } from './useSaleActivity';
import { VoucherPanel } from './VoucherPanel';

interface SaleDeskProps {
  readonly scanRef: RefObject<HTMLInputElement | null>;
  /** A code to scan; `quantity` pieces, or the weight in kg of an item sold by weight. */
  readonly onScan: (code: string, quantity?: number) => void;
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

/**
 * The till core's clock minus the screen's, in ms, from the sale's `now` and when the screen
 * got it: holds count down, and end, in the core's time.
 */
function clockOffset(sale: SaleView | undefined, receivedAt: number): number {
  if (!sale || receivedAt === 0) return 0;
  const offset = Date.parse(sale.now) - receivedAt;
  return Number.isFinite(offset) ? offset : 0;
}

/**
 * A hold on a voucher of this sale that ended (by the core's clock): the cashier is asked to
 * hold it again, which prices the sale again (the engine holds it anew if it is still free).
 */
function holdEndedAlert(
  sale: SaleView | undefined,
  now: number,
  t: TFunction,
  holdAgain: (code: string) => void,
): SaleAlert | null {
  const ended = sale?.applied.find(
    (voucher) => voucher.lockedUntil !== null && Date.parse(voucher.lockedUntil) <= now,
  );
  if (!sale || !ended?.lockedUntil) return null;
  // a member's voucher without a code is held again by pricing the sale with the card
  const again = ended.code ?? sale.customer?.memberNumber;
  if (again === undefined) return null;
  const code = ended.code ?? ended.title;
  return {
    tone: 'warning',
    lines: [
      `${t('screens.sale.alert.holdEnded', { code, at: ended.lockedUntil })} ${t('screens.sale.alert.holdEndedNext')}`,
    ],
    action: {
      label: t('screens.sale.alert.holdAgain'),
      run: () => {
        holdAgain(again);
      },
    },
  };
}

type Line = SaleView['lines'][number];

/** Typed text with a letter in it may be a product's name; digits alone are always a code. */
const MAY_BE_A_NAME = /\p{L}/u;

/**
 * A loyalty card the engine refused, still on the sale: the alert that says so offers the one
 * way on, selling without the card (the vouchers scanned stay on the sale).
 */
function cardRefused(sale: SaleView | undefined): boolean {
  if (!sale?.customer) return false;
  return sale.notices.some((notice) => notice.code === 'card_refused');
}

/**
 * The open sale: scan field and basket on the left; customer, vouchers, totals, actions on the
 * right. Typed text with letters is looked up in the catalogue by name first: the products
 * found are listed to pick from; when none is found, it is scanned as a code.
 */
export function SaleDesk({ scanRef, onScan, onConfirmed }: SaleDeskProps) {
  const { t } = useTranslation();
  const client = useTillClient();
  const saleQuery = useQuery(currentSaleQuery(client));
  const sale = saleQuery.data;
  const activity = useSaleActivity();
  const engineSlow = useSlowSince(sale?.pricing.state === 'waiting' ? sale.pricing.since : null);
  const offset = clockOffset(sale, saleQuery.dataUpdatedAt);
  const holds = sale?.applied.some((voucher) => voucher.lockedUntil !== null) ?? false;
  const tillNow = useNow(1000, holds) + offset;
  const locale = sale?.locale ?? 'en';
  const lines = useMemo(() => lineTracking(locale, t), [locale, t]);
  const vouchers = useMemo(() => voucherTracking(t), [t]);
  const latestLine = useLatestChange(sale?.lines, lines);
  const latestVoucher = useLatestChange(sale?.applied, vouchers);
  const announcement = useAnnouncement([latestLine, latestVoucher]);

  const setQuantity = useSetQuantity();
  const removeLine = useRemoveLine();
  const removeVoucher = useRemoveVoucher();
  const setCustomer = useSetCustomer();
  const keepVoucher = useKeepVoucher();
  const activateVoucher = useActivateVoucher();
  const voidSale = useVoidSale();
  const payment = usePayment(onConfirmed);
  const { confirm } = payment;
  const [keypadLine, setKeypadLine] = useState<Line | null>(null);
  const [found, setFound] = useState<CatalogueSearchView | null>(null);

  const lookUp = (text: string) => {
    if (!MAY_BE_A_NAME.test(text) || text.length < 2) {
      onScan(text);
      return;
    }
    client['catalogue/search']({ query: text }).then(
      (result) => {
        if (result.ok && result.value.products.length > 0) setFound(result.value);
        else onScan(text);
      },
      () => {
        onScan(text);
      },
    );
  };

  const refocus = () => {
    scanRef.current?.focus();
  };
  const settled = { onSettled: refocus };

  const holdEnded = activity.busy ? null : holdEndedAlert(sale, tillNow, t, onScan);
  const said: SaleAlert | null = saleQuery.isError
    ? { tone: 'danger', lines: [failureText(saleQuery.error, t)] }
    : saleAlert(sale, activity.last, activity.slow || engineSlow, t, holdEnded);
  const alert: SaleAlert | null =
    said && !said.action && cardRefused(sale)
      ? {
          ...said,
          action: {
            label: t('screens.sale.alert.sellWithoutCard'),
            run: () => {
              setCustomer.mutate({ memberNumber: null }, settled);
            },
          },
        }
      : said;
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
          <h1 className="screen-header__title">{t('screens.sale.heading')}</h1>
          <p className="screen-header__meta">
            {sale ? (
              <>
                {t('screens.sale.basketCode')} <span className="code">{sale.basketCode}</span>
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
              {t('screens.sale.tryAgain')}
            </button>
          ) : null}
        </header>
        <ScanBar onScan={onScan} onTyped={lookUp} inputRef={scanRef} />
        <AlertSlot alert={alert} idleText={t('screens.sale.ready')} scroll />
        <BasketTable
          sale={sale ?? null}
          latest={latestLine}
          onQuantity={(line, quantity) => {
            setQuantity.mutate({ lineId: line.lineId, quantity }, settled);
          }}
          onRemove={(line) => {
            removeLine.mutate({ lineId: line.lineId }, settled);
          }}
          onKeypad={setKeypadLine}
        />
      </div>
      <aside className="sale__side" aria-label={t('screens.sale.summary')}>
        <CustomerPanel
          customer={sale?.customer}
          onRemove={() => {
            setCustomer.mutate({ memberNumber: null }, settled);
          }}
        />
        <VoucherPanel
          sale={sale ?? { applied: [], rejected: [], currency: 'EUR', locale: 'en' }}
          latest={latestVoucher}
          clockOffset={offset}
          onRemove={(ref) => {
            removeVoucher.mutate({ ref }, settled);
          }}
          onKeep={(voucherKey, keep) => {
            keepVoucher.mutate({ voucherKey, keep }, settled);
          }}
          onActivate={(ref) => {
            activateVoucher.mutate({ ref }, settled);
          }}
        />
        <TotalsPanel
          sale={sale ?? LOADING_TOTALS}
          pricing={activity.busy || sale === undefined}
          confirming={confirm.isPending}
        />
        <SaleActions
          canConfirm={
            sale !== undefined && sale.lines.length > 0 && !activity.busy && payment.ready
          }
          canVoid={started && !confirm.isPending}
          confirming={confirm.isPending && !payment.paying}
          onConfirm={() => {
            if (sale) payment.start(sale, refocus);
          }}
          onVoid={() => {
            if (sale) voidSale.mutate({ basketCode: sale.basketCode }, settled);
          }}
          onDismiss={refocus}
        />
      </aside>
      {keypadLine ? (
        <Keypad
          title={t(
            keypadLine.unit === 'kg'
              ? 'screens.sale.keypad.weightTitle'
              : 'screens.sale.keypad.quantityTitle',
            { name: keypadLine.name },
          )}
          unit={keypadLine.unit}
          initial={formatQuantity(keypadLine.quantity, keypadLine.unit, locale)}
          decimalSign={decimalSignOf(locale)}
          onEnter={(quantity) => {
            setKeypadLine(null);
            setQuantity.mutate({ lineId: keypadLine.lineId, quantity });
          }}
          onClose={() => {
            setKeypadLine(null);
          }}
          onClosed={refocus}
        />
      ) : null}
      {found ? (
        <SearchResults
          found={found}
          currency={sale?.currency ?? 'EUR'}
          locale={locale}
          onPick={(product) => {
            setFound(null);
            onScan(product.barcode);
          }}
          onClose={() => {
            setFound(null);
          }}
          onClosed={refocus}
        />
      ) : null}
      <PaymentPanel payment={payment} sale={sale} onClosed={refocus} />
      {/* what the last scan added, said once by a screen reader without taking focus */}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
