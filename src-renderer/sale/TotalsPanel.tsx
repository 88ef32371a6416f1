import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../src-shared/money';
import { saleEn } from '../../src-shared/i18n/screens/sale';
import type { SaleView } from '../../src-shared/till';
import { TotalsRow, type TotalsVariant } from '../common/TotalsRow';

export type TotalsSale = Pick<
  SaleView,
  'totals' | 'applied' | 'currency' | 'locale' | 'pricedBy' | 'pricing'
>;

/** The English words while the engine's price is on its way (tests of English screens look for them). */
export const WAITING_TEXT = saleEn.totals.waiting;

interface TotalsPanelProps {
  readonly sale: TotalsSale;
  /** A price is in flight: the figures shown are the last ones the till gave. */
  readonly pricing: boolean;
  /** Confirm payment is on its way to the till. */
  readonly confirming?: boolean;
}

function Amount({
  label,
  minor,
  sale,
  variant,
  note,
}: {
  label: string;
  minor: number;
  sale: TotalsSale;
  variant: TotalsVariant;
  note?: ReactNode;
}) {
  const text = formatMoney(minor, sale.currency, sale.locale);
  return <TotalsRow label={label} text={text} variant={variant} note={note} />;
}

function pricedByText(sale: TotalsSale, t: TFunction): string {
  if (sale.pricedBy === 'engine') return t('screens.sale.totals.byEngine');
  return sale.totals.gross === 0 ? '' : t('screens.sale.totals.shelfPrices');
}

function stateText(sale: TotalsSale, pricing: boolean, confirming: boolean, t: TFunction) {
  if (confirming)
    return <span className="totals__pricing">{t('screens.sale.totals.confirming')}</span>;
  if (sale.pricing.state === 'waiting')
    return <span className="totals__pricing">{t('screens.sale.totals.waiting')}</span>;
  if (pricing) return <span className="totals__pricing">{t('screens.sale.totals.pricing')}</span>;
  return pricedByText(sale, t);
}

/**
 * Subtotal, each voucher's discount, the discount and the big total to pay. While the engine's
 * price is on its way the lines are at shelf prices: no discount is shown, and the total says
 * it is before discounts.
 */
export function TotalsPanel({ sale, pricing, confirming = false }: TotalsPanelProps) {
  const { t } = useTranslation();
  const waiting = sale.pricing.state === 'waiting';
  const discounting = waiting ? [] : sale.applied.filter((voucher) => voucher.discount !== 0);
  return (
    <section
      className="panel totals"
      aria-labelledby="totals-heading"
      aria-busy={pricing || waiting || confirming}
    >
      <h2 id="totals-heading" className="visually-hidden">
        {t('screens.sale.totals.heading')}
      </h2>
      <Amount
        label={t('screens.sale.totals.subtotal')}
        minor={sale.totals.gross}
        sale={sale}
        variant="line"
      />
      {discounting.map((voucher) => (
        <Amount
          key={voucher.voucherKey}
          label={voucher.title}
          minor={-voucher.discount}
          sale={sale}
          variant="voucher"
        />
      ))}
      {waiting ? null : (
        <Amount
          label={t('screens.sale.totals.discount')}
          minor={-sale.totals.discount}
          sale={sale}
          variant="discount"
        />
      )}
      <Amount
        label={t('screens.sale.totals.total')}
        minor={sale.totals.net}
        sale={sale}
        variant="total"
        note={
          waiting ? (
            <span className="totals__note">{t('screens.sale.totals.beforeDiscounts')}</span>
          ) : undefined
        }
      />
      <p className="totals__state" aria-live="polite">
        {stateText(sale, pricing, confirming, t)}
      </p>
    </section>
  );
}
