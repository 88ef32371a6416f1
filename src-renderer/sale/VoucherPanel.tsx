import { useEffect, useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../src-shared/money';
import type { SaleView } from '../../src-shared/till';
import { Icon } from '../common/icons';
import { messageText } from '../common/message-words';
import { timeLeft } from '../common/time';
import { useNow } from '../common/useNow';
import { scrollIntoViewIfAble } from '../common/scroll-into-view';
import { refusalWords, shownRefusals } from './refusal-text';
import type { LatestChange } from './useLatestChange';

type Applied = SaleView['applied'][number];
type Refused = SaleView['rejected'][number];

interface VoucherPanelProps {
  readonly sale: Pick<SaleView, 'applied' | 'rejected' | 'currency' | 'locale'>;
  /** A fixed "now" in ms (tests); otherwise the clock ticks every second while a lock counts down. */
  readonly now?: number;
  /** The till core's clock minus the screen's, in ms: holds count down in the core's time. */
  readonly clockOffset?: number;
  readonly onRemove: (ref: string) => void;
  /** The voucher applied last: it is scrolled into view. */
  readonly latest?: LatestChange | null;
}

type ItemProps = Omit<VoucherPanelProps, 'now' | 'clockOffset'> & { readonly now: number };

function RemoveButton({ code, onRemove }: { code: string; onRemove: (ref: string) => void }) {
  const { t } = useTranslation();
  const label = t('screens.sale.vouchers.remove', { code });
  return (
    <button
      type="button"
      className="icon-button icon-button--quiet"
      aria-label={label}
      title={label}
      onClick={() => {
        onRemove(code);
      }}
    >
      <Icon name="cross" />
    </button>
  );
}

function LockLine({ until, now }: { until: string; now: number }) {
  const { t } = useTranslation();
  const left = timeLeft(until, now);
  return (
    <p className={`voucher__lock ${left ? '' : 'voucher__lock--ended'}`}>
      <Icon name="lock" />
      {left ? (
        <>
          <span>{t('screens.sale.vouchers.heldUntil', { at: until })}</span>
          <span className="voucher__countdown">{t('screens.sale.vouchers.left', { left })}</span>
        </>
      ) : (
        <span>{t('screens.sale.vouchers.holdEnded', { at: until })}</span>
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
  const { t } = useTranslation();
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
            <span className="visually-hidden">{t('screens.sale.vouchers.handOver')}</span>
            {voucher.honourCode ?? t('screens.sale.vouchers.honour')}
          </>
        ) : (
          formatMoney(-voucher.discount, sale.currency, sale.locale)
        )}
      </p>
      {voucher.code ? <RemoveButton code={voucher.code} onRemove={onRemove} /> : null}
      <p className="voucher__meta">
        <span className="voucher__code">
          {voucher.code ?? t('screens.sale.vouchers.memberVoucher')}
        </span>
      </p>
      {voucher.lockedUntil ? <LockLine until={voucher.lockedUntil} now={now} /> : null}
    </li>
  );
}

function RefusedVoucher({ voucher, onRemove }: { voucher: Refused } & ItemProps) {
  const { t } = useTranslation();
  return (
    <li className="voucher voucher--refused">
      <Icon name="cross" className="voucher__mark" />
      <p className="voucher__title voucher__ref" title={voucher.ref}>
        {voucher.ref}
      </p>
      <p className="voucher__amount">{t('screens.sale.vouchers.refusedTag')}</p>
      {voucher.scanned ? <RemoveButton code={voucher.ref} onRemove={onRemove} /> : null}
      <p className="voucher__meta voucher__reason">{messageText(refusalWords(voucher, t))}</p>
    </li>
  );
}

/** Applied vouchers (green, with their hold counting down) and refused ones (red, with why and what next). */
export function VoucherPanel({ now: fixedNow, clockOffset = 0, ...props }: VoucherPanelProps) {
  const { t } = useTranslation();
  const { applied } = props.sale;
  const rejected = shownRefusals(props.sale.rejected);
  const holds = applied.some((voucher) => voucher.lockedUntil !== null);
  const ticking = useNow(1000, holds && fixedNow === undefined);
  const now = fixedNow ?? ticking + clockOffset;
  const { latest } = props;
  const latestItem = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (latest) scrollIntoViewIfAble(latestItem.current);
  }, [latest]);
  return (
    <section className="panel vouchers" aria-labelledby="vouchers-heading">
      <h2 id="vouchers-heading" className="panel__heading">
        {t('screens.sale.vouchers.heading')}
      </h2>
      {applied.length === 0 && rejected.length === 0 ? (
        <p className="panel__empty">{t('screens.sale.vouchers.empty')}</p>
      ) : null}
      {applied.length > 0 ? (
        <ul className="voucher-list" aria-label={t('screens.sale.vouchers.applied')}>
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
        <ul className="voucher-list" aria-label={t('screens.sale.vouchers.refused')}>
          {rejected.map((voucher) => (
            <RefusedVoucher key={voucher.ref} voucher={voucher} now={now} {...props} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
