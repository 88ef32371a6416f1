import type { ReceiptView } from '../../src-shared/till';
import { LineMoneyCells } from '../common/LineMoneyCells';

/** What was sold: one row per line, with its share of the discounts. */
export function ReceiptLines({ receipt }: { readonly receipt: ReceiptView }) {
  const count = new Intl.NumberFormat(receipt.locale);
  return (
    // scrolls when the sale is long: reachable by keyboard, named for a screen reader
    <div className="table-frame" role="region" aria-label="Lines sold" tabIndex={0}>
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
              <td className="basket__item">
                <span className="basket__name" title={line.name}>
                  {line.name}
                </span>
              </td>
              <td className="num">{count.format(line.quantity)}</td>
              <LineMoneyCells line={line} currency={receipt.currency} locale={receipt.locale} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
