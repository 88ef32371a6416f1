import { useEffect, useRef, useState, type Ref } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../src-shared/money';
import type { SaleView } from '../../src-shared/till';
import { Dialog } from '../common/Dialog';
import { Icon } from '../common/icons';
import { messageText } from '../common/message-words';
import { timeLeft } from '../common/time';
import { useNow } from '../common/useNow';
import { scrollIntoViewIfAble } from '../common/scroll-into-view';
import { refusalWords, shownRefusals } from './refusal-text';
import type { LatestChange } from './useLatestChange';

type Applied = SaleView['applied'][number];
type Refused = SaleView['rejected'][number];
type Kept = NonNullable<SaleView['kept']>[number];

interface VoucherPanelProps {
  readonly sale: Pick<SaleView, 'applied' | 'rejected' | 'currency' | 'locale'> &
    Partial<Pick<SaleView, 'kept'>>;
  /** A fixed "now" in ms (tests); otherwise the clock ticks every second while a lock counts down. */
  readonly now?: number;
  /** The till core's clock minus the screen's, in ms: holds count down in the core's time. */
  readonly clockOffset?: number;
  readonly onRemove: (ref: string) => void;
  /** The customer keeps a member's voucher for later (`keep`), or uses it after all. */
  readonly onKeep?: (voucherKey: string, keep: boolean) => void;
  /** Activates a voucher refused as not activated yet, once the cashier confirmed. */
  readonly onActivate?: (ref: string) => void;
  /** The voucher applied last: it is scrolled into view. */
  readonly latest?: LatestChange | null;
}

type ItemProps = Omit<VoucherPanelProps, 'now' | 'clockOffset'> & { readonly now: number };

/** A step the cashier takes on one voucher, in words, on its own row of the voucher. */
function ChoiceButton({ text, label, run }: { text: string; label: string; run: () => void }) {
  return (
    <button
      type="button"
      className="button button--small button--quiet voucher__choice"
      aria-label={label}
      onClick={run}
    >
      {text}
    </button>
  );
}

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
  onKeep,
  itemRef,
}: { voucher: Applied; itemRef: Ref<HTMLLIElement> | undefined } & ItemProps) {
  const { t } = useTranslation();
  const honour = voucher.type === 'honour';
  // a member's voucher the engine applied on its own: the customer may keep it for later
  const keepable = voucher.fromMember === true && onKeep !== undefined;
  return (
    <li
      ref={itemRef}
      className={`voucher voucher--${honour ? 'honour' : 'applied'}${keepable ? ' voucher--choice' : ''}`}
    >
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
      {voucher.code && !keepable ? <RemoveButton code={voucher.code} onRemove={onRemove} /> : null}
      <p className="voucher__meta">
        <span className="voucher__code">
          {voucher.code ?? t('screens.sale.vouchers.memberVoucher')}
        </span>
      </p>
      {voucher.lockedUntil ? <LockLine until={voucher.lockedUntil} now={now} /> : null}
      {keepable ? (
        <ChoiceButton
          text={t('screens.sale.vouchers.keepForLater')}
          label={t('screens.sale.vouchers.keepForLaterLabel', {
            code: voucher.code ?? voucher.title,
          })}
          run={() => {
            onKeep(voucher.voucherKey, true);
          }}
        />
      ) : null}
    </li>
  );
}

function RefusedVoucher({
  voucher,
  onRemove,
  onAsk,
}: { voucher: Refused; onAsk: ((ref: string) => void) | undefined } & ItemProps) {
  const { t } = useTranslation();
  // not activated yet, and the engine named it: the till can activate it, once asked
  const activatable = voucher.reason === 'voucher_not_claimed' && voucher.voucherKey !== undefined;
  return (
    <li className="voucher voucher--refused">
      <Icon name="cross" className="voucher__mark" />
      <p className="voucher__title voucher__ref" title={voucher.ref}>
        {voucher.ref}
      </p>
      <p className="voucher__amount">{t('screens.sale.vouchers.refusedTag')}</p>
      {voucher.scanned ? <RemoveButton code={voucher.ref} onRemove={onRemove} /> : null}
      <p className="voucher__meta voucher__reason">{messageText(refusalWords(voucher, t))}</p>
      {activatable && onAsk ? (
        <ChoiceButton
          text={t('screens.sale.vouchers.activate')}
          label={t('screens.sale.vouchers.activateLabel', { code: voucher.ref })}
          run={() => {
            onAsk(voucher.ref);
          }}
        />
      ) : null}
    </li>
  );
}

function KeptVoucher({ voucher, onKeep }: { voucher: Kept } & Pick<ItemProps, 'onKeep'>) {
  const { t } = useTranslation();
  const code = voucher.code ?? voucher.title;
  return (
    <li className="voucher voucher--kept voucher--static">
      <Icon name="gift" className="voucher__mark" />
      <p className="voucher__title" title={voucher.title}>
        {voucher.title}
      </p>
      <p className="voucher__amount">{t('screens.sale.vouchers.kept')}</p>
      <p className="voucher__meta">
        <span className="voucher__code">
          {voucher.code ?? t('screens.sale.vouchers.memberVoucher')}
        </span>{' '}
        {t('screens.sale.vouchers.keptNote')}
      </p>
      {onKeep ? (
        <ChoiceButton
          text={t('screens.sale.vouchers.useNow')}
          label={t('screens.sale.vouchers.useNowLabel', { code })}
          run={() => {
            onKeep(voucher.voucherKey, false);
          }}
        />
      ) : null}
    </li>
  );
}

/** Asks before a voucher is activated for the customer: one confirmed step. */
function ActivateDialog({
  code,
  onActivate,
  onClose,
}: {
  code: string;
  onActivate: (ref: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('screens.sale.vouchers.activateTitle', { code })} onClose={onClose}>
      <p className="dialog__text">{t('screens.sale.vouchers.activateText')}</p>
      <div className="dialog__actions">
        <button type="button" className="button button--quiet" data-autofocus onClick={onClose}>
          {t('screens.sale.vouchers.activateKeep')}
        </button>
        <button
          type="button"
          className="button button--confirm"
          onClick={() => {
            onClose();
            onActivate(code);
          }}
        >
          {t('screens.sale.vouchers.activate')}
        </button>
      </div>
    </Dialog>
  );
}

/** Applied vouchers (green, with their hold counting down) and refused ones (red, with why and what next). */
export function VoucherPanel({ now: fixedNow, clockOffset = 0, ...props }: VoucherPanelProps) {
  const { t } = useTranslation();
  const { applied } = props.sale;
  const rejected = shownRefusals(props.sale.rejected);
  const kept = props.sale.kept ?? [];
  const [asking, setAsking] = useState<string | null>(null);
  const { onActivate } = props;
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
      {applied.length === 0 && rejected.length === 0 && kept.length === 0 ? (
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
            <RefusedVoucher
              key={voucher.ref}
              voucher={voucher}
              now={now}
              onAsk={onActivate ? setAsking : undefined}
              {...props}
            />
          ))}
        </ul>
      ) : null}
      {kept.length > 0 ? (
        <ul className="voucher-list" aria-label={t('screens.sale.vouchers.kept')}>
          {kept.map((voucher) => (
            <KeptVoucher key={voucher.voucherKey} voucher={voucher} onKeep={props.onKeep} />
          ))}
        </ul>
      ) : null}
      {/* outside the panel, which scrolls: the dialog is never cut by it */}
      {asking !== null && onActivate
        ? createPortal(
            <ActivateDialog
              code={asking}
              onActivate={onActivate}
              onClose={() => {
                setAsking(null);
              }}
            />,
            document.body,
          )
        : null}
    </section>
  );
}
