import { formatMoney } from '../../src-shared/money';
import type { SaleView } from '../../src-shared/till';
import { Icon } from '../common/icons';
import { LineMoneyCells } from '../common/LineMoneyCells';

type Line = SaleView['lines'][number];

interface BasketTableProps {
  /** Null while the sale is loading: the table keeps its place. */
  readonly sale: Pick<SaleView, 'lines' | 'applied' | 'currency' | 'locale'> | null;
  readonly onQuantity: (line: Line, quantity: number) => void;
  readonly onRemove: (line: Line) => void;
  readonly emptyText?: string;
}

function shareTitle(line: Line, sale: NonNullable<BasketTableProps['sale']>): string | undefined {
  if (line.shares.length === 0) return undefined;
  const names = new Map(sale.applied.map((voucher) => [voucher.voucherKey, voucher.title]));
  return line.shares
    .map(
      (share) =>
        `${names.get(share.voucherKey) ?? 'Voucher'}: ${formatMoney(-share.discount, sale.currency, sale.locale)}`,
    )
    .join('\n');
}

function BasketRow({ line, sale, onQuantity, onRemove }: { line: Line } & BasketTableProps) {
  if (!sale) return null;
  const quantity = new Intl.NumberFormat(sale.locale).format(line.quantity);
  return (
    <tr>
      <td className="basket__item">
        <span className="basket__name">{line.name}</span>
        {line.excluded ? <span className="tag tag--muted">No discounts</span> : null}
      </td>
      <td className="basket__quantity">
        <div className="stepper">
          <button
            type="button"
            className="icon-button"
            aria-label={`One fewer ${line.name}`}
            disabled={line.quantity <= 1}
            onClick={() => {
              onQuantity(line, line.quantity - 1);
            }}
          >
            <Icon name="minus" />
          </button>
          <span className="stepper__value num">{quantity}</span>
          <button
            type="button"
            className="icon-button"
            aria-label={`One more ${line.name}`}
            onClick={() => {
              onQuantity(line, line.quantity + 1);
            }}
          >
            <Icon name="plus" />
          </button>
        </div>
      </td>
      <LineMoneyCells
        line={line}
        currency={sale.currency}
        locale={sale.locale}
        discountTitle={shareTitle(line, sale)}
      />
      <td className="basket__actions">
        <button
          type="button"
          className="icon-button icon-button--danger"
          aria-label={`Remove ${line.name}`}
          title={`Remove ${line.name}`}
          onClick={() => {
            onRemove(line);
          }}
        >
          <Icon name="trash" />
        </button>
      </td>
    </tr>
  );
}

/** The basket: one row per line with its quantity buttons, prices and share of the discounts. */
export function BasketTable(props: BasketTableProps) {
  const { sale, emptyText = 'Scan an item to start the sale.' } = props;
  return (
    <div className="table-frame basket">
      <table className="table" aria-label="Basket">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" className="basket__quantity">
              Quantity
            </th>
            <th scope="col" className="num">
              Unit price
            </th>
            <th scope="col" className="num">
              Discount
            </th>
            <th scope="col" className="num">
              Line total
            </th>
            <td className="basket__actions" />
          </tr>
        </thead>
        <tbody>
          {sale === null ? (
            <tr className="table__placeholder">
              <td colSpan={6}>Loading the sale…</td>
            </tr>
          ) : sale.lines.length === 0 ? (
            <tr className="table__placeholder">
              <td colSpan={6}>{emptyText}</td>
            </tr>
          ) : (
            sale.lines.map((line) => <BasketRow key={line.lineId} line={line} {...props} />)
          )}
        </tbody>
      </table>
    </div>
  );
}
