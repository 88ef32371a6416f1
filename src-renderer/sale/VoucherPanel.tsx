import { useEffect, useRef, type Ref } from 'react';
import { formatMoney } from '../../src-shared/money';
import type { SaleView } from '../../src-shared/till';
import { Icon } from '../common/icons';
import { formatClock, timeLeft } from '../common/time';
import { useNow } from '../common/useNow';
import { scrollIntoViewIfAble } from '../common/scroll-into-view';
import { refusalText } from './refusal-text';
import type { LatestChange } from './useLatestChange';

type Applied = SaleView['applied'][number];
type Refused = SaleView['rejected'][number];

interface VoucherPanelProps {
  readonly sale: Pick<SaleView, 'applied' | 'rejected' | 'currency' | 'locale'>;
  /** A fixed "now" in ms (tests); otherwise the clock ticks every second while a lock counts down. */
  readonly now?: number;
  readonly onRemove: (ref: string) => void;
  /** The voucher applied last: it is scrolled into view. */
  readonly latest?: LatestChange | null;
}

type ItemProps = Omit<VoucherPanelProps, 'now'> & { readonly now: number };

function RemoveButton({ code, onRemove }: { code: string; onRemove: (ref: string) => void }) {
  return (
    <button
      type="button"
      className="icon-button icon-button--quiet"
      aria-label={`Remove voucher ${code}`}
      title={`Remove voucher ${code}`}
      onClick={() => {
        onRemove(code);
      }}
    >
      <Icon name="cross" />
    </button>
  );
}

function LockLine({ until, locale, now }: { until: string; locale: string; now: number }) {
  const left = timeLeft(until, now);
  const at = formatClock(until, locale);
  return (
    <p className={`voucher__lock ${left ? '' : 'voucher__lock--ended'}`}>
      <Icon name="lock" />
      {left ? (
        <>
          <span>held for this sale until {at}</span>
          <span className="voucher__countdown">{left} left</span>
        </>
      ) : (
        <span>the hold for this sale ended at {at}</span>
      )}
    </p>
  );
}

function AppliedVoucher({
  voucher,
  sale,
  now,
  onRemove,
  itemRef,
}: { voucher: Applied; itemRef: Ref<HTMLLIElement> | undefined } & ItemProps) {
  const honour = voucher.type === 'honour';
  return (
    <li ref={itemRef} className={`voucher voucher--${honour ? 'honour' : 'applied'}`}>
      <Icon name={honour ? 'gift' : 'check'} className="voucher__mark" />
      <p className="voucher__title" title={voucher.title}>
        {voucher.title}
      </p>
      <p className="voucher__amount money">
        {honour ? (
          <>
            <span className="visually-hidden">hand over </span>
            {voucher.honourCode ?? 'Honour'}
          </>
        ) : (
          formatMoney(-voucher.discount, sale.currency, sale.locale)
        )}
      </p>
      {voucher.code ? <RemoveButton code={voucher.code} onRemove={onRemove} /> : null}
      <p className="voucher__meta">
        <span className="voucher__code">{voucher.code ?? 'Member voucher'}</span>
      </p>
      {voucher.lockedUntil ? (
        <LockLine until={voucher.lockedUntil} locale={sale.locale} now={now} />
      ) : null}
    </li>
  );
}

function RefusedVoucher({ voucher, sale, onRemove }: { voucher: Refused } & ItemProps) {
  return (
    <li className="voucher voucher--refused">
      <Icon name="cross" className="voucher__mark" />
      <p className="voucher__title voucher__ref" title={voucher.ref}>
        {voucher.ref}
      </p>
      <p className="voucher__amount">Refused</p>
      <RemoveButton code={voucher.ref} onRemove={onRemove} />
      <p className="voucher__meta voucher__reason">{refusalText(voucher, sale.locale)}</p>
    </li>
  );
}

/** Applied vouchers (green, with their hold counting down) and refused ones (red, with why). */
export function VoucherPanel({ now: fixedNow, ...props }: VoucherPanelProps) {
  const { applied, rejected } = props.sale;
  const holds = applied.some((voucher) => voucher.lockedUntil !== null);
  const ticking = useNow(1000, holds && fixedNow === undefined);
  const now = fixedNow ?? ticking;
  const { latest } = props;
  const latestItem = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (latest) scrollIntoViewIfAble(latestItem.current);
  }, [latest]);
  return (
    <section className="panel vouchers" aria-labelledby="vouchers-heading">
      <h2 id="vouchers-heading" className="panel__heading">
        Vouchers
      </h2>
      {applied.length === 0 && rejected.length === 0 ? (
        <p className="panel__empty">No vouchers on this sale.</p>
      ) : null}
      {applied.length > 0 ? (
        <ul className="voucher-list" aria-label="Applied vouchers">
          {applied.map((voucher) => (
            <AppliedVoucher
              key={voucher.voucherKey}
              voucher={voucher}
              now={now}
              itemRef={latest?.key === voucher.voucherKey ? latestItem : undefined}
              {...props}
            />
          ))}
        </ul>
      ) : null}
      {rejected.length > 0 ? (
        <ul className="voucher-list" aria-label="Refused vouchers">
          {rejected.map((voucher) => (
            <RefusedVoucher key={voucher.ref} voucher={voucher} now={now} {...props} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
