import type { SaleView } from '../../src-shared/till';
import { Icon } from '../common/icons';

interface CustomerPanelProps {
  readonly customer: SaleView['customer'] | undefined;
  readonly onRemove: () => void;
}

/** Who the sale is for: the member whose card was scanned, whose vouchers the engine applies. */
export function CustomerPanel({ customer, onRemove }: CustomerPanelProps) {
  return (
    <section className="panel customer" aria-labelledby="customer-heading">
      <span className={`customer__avatar ${customer ? 'customer__avatar--member' : ''}`}>
        <Icon name="user" />
      </span>
      <div className="customer__text">
        <h2 id="customer-heading" className="customer__label">
          Customer
        </h2>
        {customer ? (
          <p className="customer__name">Member {customer.memberNumber}</p>
        ) : (
          <p className="customer__name customer__name--none">No customer</p>
        )}
      </div>
      {customer ? (
        <button type="button" className="button button--quiet button--small" onClick={onRemove}>
          Remove<span className="customer__more"> customer</span>
        </button>
      ) : (
        <p className="customer__hint">Scan a loyalty card to add one</p>
      )}
    </section>
  );
}
