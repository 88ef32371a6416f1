import { formatMoney } from '../../src-shared/money';
import type { ReceiptView } from '../../src-shared/till';

/** What was sold: one row per line, with its share of the discounts. */
export function ReceiptLines({ receipt }: { readonly receipt: ReceiptView }) {
  const money = (minor: number) => formatMoney(minor, receipt.currency, receipt.locale);
  const count = new Intl.NumberFormat(receipt.locale);
  return (
    <div className="table-frame">
      <table className="table" aria-label="Receipt lines">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" className="num">
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
          </tr>
        </thead>
        <tbody>
          {receipt.lines.map((line) => (
            <tr key={line.lineId}>
              <td>{line.name}</td>
              <td className="num">{count.format(line.quantity)}</td>
              <td className="num">{money(line.unitPrice)}</td>
              <td className={`num ${line.discount > 0 ? 'basket__discount' : 'basket__nil'}`}>
                {line.discount > 0 ? money(-line.discount) : '—'}
              </td>
              <td className="num basket__total">{money(line.net)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
