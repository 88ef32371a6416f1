import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../src-shared/money';
import type { ReceiptView } from '../../src-shared/till';
import { Icon } from '../common/icons';
import { TotalsRow } from '../common/TotalsRow';
import { isMessageCode, noticeText } from '../common/message-words';
import { voucherTypeKey } from '../common/voucher-labels';
import { ReceiptPayment } from '../tender/ReceiptPayment';
import { IssuedVouchers } from './IssuedVouchers';

function Money({
  label,
  minor,
  receipt,
  variant,
}: {
  label: string;
  minor: number;
  receipt: ReceiptView;
  variant: 'line' | 'discount' | 'total';
}) {
  const text = formatMoney(minor, receipt.currency, receipt.locale);
  return <TotalsRow label={label} text={text} variant={variant} />;
}

/** Each warning once, with how many times the engine gave it. */
function distinctWarnings(warnings: ReceiptView['warnings'], t: TFunction) {
  const counted = new Map<string, { text: string; times: number }>();
  for (const warning of warnings) {
    // a sale journalled by an older till may carry a code the catalogue no longer has
    const text = isMessageCode(warning.code)
      ? noticeText({ code: warning.code, params: warning.params }, t)
      : warning.message;
    counted.set(text, { text, times: (counted.get(text)?.times ?? 0) + 1 });
  }
  return [...counted.entries()];
}

/** Subtotal, discount and Total paid: kept in view below the summary, however long it is. */
export function ReceiptTotals({ receipt }: { readonly receipt: ReceiptView }) {
  const { t } = useTranslation();
  return (
    <div className="panel totals">
      <Money
        label={t('screens.receipt.totals.subtotal')}
        minor={receipt.totals.gross}
        receipt={receipt}
        variant="line"
      />
      <Money
        label={t('screens.receipt.totals.discount')}
        minor={-receipt.totals.discount}
        receipt={receipt}
        variant="discount"
      />
      {/* a return pays out: the refund, as a positive amount */}
      <Money
        label={
          receipt.totals.net < 0
            ? t('screens.receipt.totals.toRefund')
            : t('screens.receipt.totals.totalPaid')
        }
        minor={Math.abs(receipt.totals.net)}
        receipt={receipt}
        variant="total"
      />
    </div>
  );
}

/** The honour codes first (the cashier must act on them), the vouchers issued to hand over, then vouchers used and warnings. */
export function ReceiptSummary({ receipt }: { readonly receipt: ReceiptView }) {
  const { t } = useTranslation();
  const money = (minor: number) => formatMoney(minor, receipt.currency, receipt.locale);
  return (
    <>
      {receipt.honourCodes.length > 0 ? (
        <section className="panel honour" aria-labelledby="honour-heading">
          <h2 id="honour-heading" className="panel__heading">
            {t('screens.receipt.honour.heading')}
          </h2>
          <ul className="honour-list" aria-label={t('screens.receipt.honour.list')}>
            {receipt.honourCodes.map((honour) => (
              <li key={`${honour.honourCode}-${honour.code ?? ''}`} className="honour-list__item">
                <Icon name="gift" />
                <span className="honour-list__code">{honour.honourCode}</span>
                {honour.code ? (
                  <span className="honour-list__voucher">
                    {t('screens.receipt.honour.voucher', { code: honour.code })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ReceiptPayment receipt={receipt} />
      <IssuedVouchers receipt={receipt} />
      <section className="panel" aria-labelledby="redeemed-heading">
        <h2 id="redeemed-heading" className="panel__heading">
          {t('screens.receipt.redeemed.heading')}
        </h2>
        {receipt.vouchersRedeemed.length === 0 ? (
          <p className="panel__empty">{t('screens.receipt.redeemed.none')}</p>
        ) : (
          <ul className="voucher-list" aria-label={t('screens.receipt.redeemed.heading')}>
            {receipt.vouchersRedeemed.map((voucher) => {
              const honour = voucher.type === 'honour';
              const code = voucher.code ?? t('screens.receipt.redeemed.memberVoucher');
              return (
                <li
                  key={voucher.voucherKey}
                  className={`voucher voucher--static voucher--${honour ? 'honour' : 'applied'}`}
                >
                  <Icon name={honour ? 'gift' : 'check'} className="voucher__mark" />
                  <p className="voucher__title" title={voucher.title}>
                    {voucher.title}
                  </p>
                  <p className="voucher__amount money">
                    {honour
                      ? (voucher.honourCode ?? t('screens.receipt.redeemed.honour'))
                      : money(-voucher.discount)}
                  </p>
                  <p className="voucher__meta">
                    <span className="voucher__code">
                      {voucher.title === code ? t(voucherTypeKey(voucher.type)) : code}
                    </span>
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {receipt.warnings.length > 0 ? (
        <section className="panel warnings" aria-labelledby="warnings-heading">
          <h2 id="warnings-heading" className="panel__heading">
            {t('screens.receipt.warnings.heading')}
          </h2>
          <ul className="warning-list">
            {distinctWarnings(receipt.warnings, t).map(([key, warning]) => (
              <li key={key}>
                {warning.text}
                {warning.times > 1 ? (
                  <span className="warning-list__times">
                    {t('screens.receipt.warnings.times', { times: warning.times })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
