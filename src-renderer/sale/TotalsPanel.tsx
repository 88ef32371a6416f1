import { useId, type ReactNode } from 'react';
import { formatMoney } from '../../src-shared/money';
import type { SaleView } from '../../src-shared/till';

export type TotalsSale = Pick<
  SaleView,
  'totals' | 'applied' | 'currency' | 'locale' | 'pricedBy' | 'pricing'
>;

export const WAITING_TEXT = 'Waiting for the voucher engine…';

interface TotalsPanelProps {
  readonly sale: TotalsSale;
  /** A price is in flight: the figures shown are the last ones the till gave. */
  readonly pricing: boolean;
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
  variant: 'line' | 'voucher' | 'discount' | 'total';
  note?: ReactNode;
}) {
  const id = useId();
  return (
    <div className={`totals__row totals__row--${variant}`}>
      <div className="totals__labels">
        <span id={id} className="totals__label">
          {label}
        </span>
        {note}
      </div>
      <output aria-labelledby={id} className="totals__amount money">
        {formatMoney(minor, sale.currency, sale.locale)}
      </output>
    </div>
  );
}

function pricedByText(sale: TotalsSale): string {
  if (sale.pricedBy === 'engine') return 'Priced by the voucher engine';
  return sale.totals.gross === 0 ? '' : 'Shelf prices: not priced by the engine';
}

function stateText(sale: TotalsSale, pricing: boolean): ReactNode {
  if (sale.pricing.state === 'waiting')
    return <span className="totals__pricing">{WAITING_TEXT}</span>;
  if (pricing) return <span className="totals__pricing">Pricing…</span>;
  return pricedByText(sale);
}

/**
 * Subtotal, each voucher's discount, the discount and the big total to pay. While the engine's
 * price is on its way the lines are at shelf prices: no discount is shown, and the total says
 * it is before discounts.
 */
export function TotalsPanel({ sale, pricing }: TotalsPanelProps) {
  const waiting = sale.pricing.state === 'waiting';
  const discounting = waiting ? [] : sale.applied.filter((voucher) => voucher.discount !== 0);
  return (
    <section
      className="panel totals"
      aria-labelledby="totals-heading"
      aria-busy={pricing || waiting}
    >
      <h2 id="totals-heading" className="visually-hidden">
        Totals
      </h2>
      <Amount label="Subtotal" minor={sale.totals.gross} sale={sale} variant="line" />
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
        <Amount label="Discount" minor={-sale.totals.discount} sale={sale} variant="discount" />
      )}
      <Amount
        label="Total to pay"
        minor={sale.totals.net}
        sale={sale}
        variant="total"
        note={waiting ? <span className="totals__note">before discounts</span> : undefined}
      />
      <p className="totals__state" aria-live="polite">
        {stateText(sale, pricing)}
      </p>
    </section>
  );
}
