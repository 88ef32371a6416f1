import { formatMoney } from '../../src-shared/money';
import type { CreatedVoucherView, ReceiptView } from '../../src-shared/till';
import { Icon } from '../common/icons';
import { formatDate } from '../common/time';

/** Where the voucher came from, in the cashier's words. */
function originText(voucher: CreatedVoucherView): string {
  if (voucher.origin === 'return') return 'Given back for a returned item';
  return voucher.from?.code ? `Rest of voucher ${voucher.from.code}` : 'Rest of a voucher used';
}

/** Without a code the voucher can only be used through its owner's card. */
function noCodeText(voucher: CreatedVoucherView): string {
  return voucher.ownerMemberNumber === null
    ? 'No code given'
    : `No code: on card ${voucher.ownerMemberNumber}`;
}

/**
 * The vouchers the engine issued with the sale, for the customer to keep: the code large
 * enough to copy or scan, its value, until when it can be used, and what it came from.
 */
export function IssuedVouchers({ receipt }: { readonly receipt: ReceiptView }) {
  if (receipt.vouchersCreated.length === 0) return null;
  return (
    <section className="panel issued" aria-labelledby="issued-heading">
      <h2 id="issued-heading" className="panel__heading">
        Give the customer
      </h2>
      <ul className="issued-list" aria-label="Vouchers issued">
        {receipt.vouchersCreated.map((voucher) => (
          <li key={voucher.voucherKey} className="issued-list__item">
            <Icon name="gift" />
            {voucher.code === null ? (
              <span className="issued-list__no-code">{noCodeText(voucher)}</span>
            ) : (
              <span className="issued-list__code code">{voucher.code}</span>
            )}
            <span className="issued-list__amount money">
              {voucher.amount === null
                ? 'Value not given'
                : formatMoney(voucher.amount, receipt.currency, receipt.locale)}
            </span>
            <span className="issued-list__meta">
              {originText(voucher)}
              {' · '}
              {voucher.expiresAt === null
                ? 'no expiry'
                : `valid until ${formatDate(voucher.expiresAt, receipt.locale)}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
