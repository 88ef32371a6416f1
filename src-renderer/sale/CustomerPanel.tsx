import { useTranslation } from 'react-i18next';
import type { SaleView } from '../../src-shared/till';
import { Icon } from '../common/icons';

interface CustomerPanelProps {
  readonly customer: SaleView['customer'] | undefined;
  readonly onRemove: () => void;
}

/** Who the sale is for: the member whose card was scanned, whose vouchers the engine applies. */
export function CustomerPanel({ customer, onRemove }: CustomerPanelProps) {
  const { t } = useTranslation();
  return (
    <section className="panel customer" aria-labelledby="customer-heading">
      <span className={`customer__avatar ${customer ? 'customer__avatar--member' : ''}`}>
        <Icon name="user" />
      </span>
      <div className="customer__text">
        <h2 id="customer-heading" className="customer__label">
          {t('screens.sale.customer.heading')}
        </h2>
        {customer ? (
          <p className="customer__name">
            {t('screens.sale.customer.member', { memberNumber: customer.memberNumber })}
          </p>
        ) : (
          <p className="customer__name customer__name--none">{t('screens.sale.customer.none')}</p>
        )}
      </div>
      {customer ? (
        <button
          type="button"
          className="button button--quiet button--small"
          aria-label={t('screens.sale.customer.removeCustomer')}
          onClick={onRemove}
        >
          <span className="customer__remove-long">{t('screens.sale.customer.removeCustomer')}</span>
          <span className="customer__remove-short">{t('screens.sale.customer.remove')}</span>
        </button>
      ) : (
        <p className="customer__hint">{t('screens.sale.customer.hint')}</p>
      )}
    </section>
  );
}
