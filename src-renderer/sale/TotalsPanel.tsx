import { useId, type ReactNode } from 'react';
import { formatMoney } from '../../src-shared/money';
import type { SaleView } from '../../src-shared/till';

export type TotalsSale = Pick<SaleView, 'totals' | 'applied' | 'currency' | 'locale' | 'pricedBy'>;

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

function pricedByText(sale: TotalsPanelProps['sale']): string {
  if (sale.pricedBy === 'engine') return 'Priced by the voucher engine';
  return sale.totals.gross === 0 ? '' : 'Shelf prices: not priced by the engine';
}

/** Subtotal, each voucher's discount, the discount and the big total to pay. */
export function TotalsPanel({ sale, pricing }: TotalsPanelProps) {
  const discounting = sale.applied.filter((voucher) => voucher.discount !== 0);
  return (
    <section className="panel totals" aria-labelledby="totals-heading" aria-busy={pricing}>
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
      <Amount label="Discount" minor={-sale.totals.discount} sale={sale} variant="discount" />
      <Amount label="Total to pay" minor={sale.totals.net} sale={sale} variant="total" />
      <p className="totals__state" aria-live="polite">
        {pricing ? <span className="totals__pricing">Pricing…</span> : pricedByText(sale)}
      </p>
    </section>
  );
}
