import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../src-shared/money';
import type { CreatedVoucherView, ReceiptView } from '../../src-shared/till';
import { Icon } from '../common/icons';
import { formatDate } from '../common/time';

/** Where the voucher came from, in the cashier's words. */
function originText(voucher: CreatedVoucherView, t: TFunction): string {
  if (voucher.origin === 'return') return t('screens.receipt.issued.fromReturn');
  return voucher.from?.code
    ? t('screens.receipt.issued.restOf', { code: voucher.from.code })
    : t('screens.receipt.issued.restOfUsed');
}

/** Without a code the voucher can only be used through its owner's card. */
function noCodeText(voucher: CreatedVoucherView, t: TFunction): string {
  return voucher.ownerMemberNumber === null
    ? t('screens.receipt.issued.noCode')
    : t('screens.receipt.issued.noCodeOnCard', { memberNumber: voucher.ownerMemberNumber });
}

/**
 * The vouchers the engine issued with the sale, for the customer to keep: the code large
 * enough to copy or scan, its value, until when it can be used, and what it came from.
 */
export function IssuedVouchers({ receipt }: { readonly receipt: ReceiptView }) {
  const { t } = useTranslation();
  if (receipt.vouchersCreated.length === 0) return null;
  return (
    <section className="panel issued" aria-labelledby="issued-heading">
      <h2 id="issued-heading" className="panel__heading">
        {t('screens.receipt.issued.heading')}
      </h2>
      <ul className="issued-list" aria-label={t('screens.receipt.issued.list')}>
        {receipt.vouchersCreated.map((voucher) => (
          <li key={voucher.voucherKey} className="issued-list__item">
            <Icon name="gift" />
            {voucher.code === null ? (
              <span className="issued-list__no-code">{noCodeText(voucher, t)}</span>
            ) : (
              <span className="issued-list__code code">{voucher.code}</span>
            )}
            <span className="issued-list__amount money">
              {voucher.amount === null
                ? t('screens.receipt.issued.noValue')
                : formatMoney(voucher.amount, receipt.currency, receipt.locale)}
            </span>
            <span className="issued-list__meta">
              {originText(voucher, t)}
              {' · '}
              {voucher.expiresAt === null
                ? t('screens.receipt.issued.noExpiry')
                : t('screens.receipt.issued.validUntil', {
                    date: formatDate(voucher.expiresAt, receipt.locale),
                  })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
