import { useId, type ReactNode } from 'react';

export type TotalsVariant = 'line' | 'voucher' | 'discount' | 'total';

interface TotalsRowProps {
  readonly label: string;
  /** The amount, formatted. */
  readonly text: string;
  readonly variant: TotalsVariant;
  /** Said under the label. */
  readonly note?: ReactNode;
}

/** One figure of a totals block: its label, and the amount as an output the label names. */
export function TotalsRow({ label, text, variant, note }: TotalsRowProps) {
  const id = useId();
  const labelText = (
    <span id={id} className="totals__label">
      {label}
    </span>
  );
  return (
    <div className={`totals__row totals__row--${variant}`}>
      {note === undefined ? (
        labelText
      ) : (
        <div className="totals__labels">
          {labelText}
          {note}
        </div>
      )}
      <output aria-labelledby={id} className="totals__amount money">
        {text}
      </output>
    </div>
  );
}
