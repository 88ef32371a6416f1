import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../src-shared/money';
import type { ReturnableLineView, ReturnableSaleView } from '../../src-shared/till';

interface OriginalSaleProps {
  readonly sale: ReturnableSaleView;
  readonly adding: boolean;
  readonly onAdd: (lines: { lineId: string; quantity: number }[]) => void;
}

/** The name the cashier knows a line by; another till's line is known by its line id only. */
export function useLineName() {
  const { t } = useTranslation();
  return (line: { readonly name: string; readonly lineId: string }) =>
    line.name === '' ? t('screens.return.original.line', { lineId: line.lineId }) : line.name;
}

/** The lines of the sale found, with how many of each can still come back, and the quantities to return. */
export function OriginalSale({ sale, adding, onAdd }: OriginalSaleProps) {
  const { t } = useTranslation();
  const nameOf = useLineName();
  const [wanted, setWanted] = useState<Record<string, string>>({});
  const quantityOf = (line: ReturnableLineView) => Number(wanted[line.lineId] ?? '0');
  const picked = sale.lines
    .map((line) => ({ lineId: line.lineId, quantity: quantityOf(line) }))
    .filter((line) => Number.isFinite(line.quantity) && line.quantity > 0);
  return (
    <section className="panel return__panel" aria-labelledby="return-original-heading">
      <h2 id="return-original-heading" className="panel__heading">
        {t('screens.return.original.heading', { basketCode: sale.basketCode })}
      </h2>
      <p className="panel__note">
        {sale.source === 'engine'
          ? t('screens.return.original.fromEngine')
          : t('screens.return.original.fromThisTill')}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (picked.length > 0) onAdd(picked);
        }}
      >
        <div className="table-frame">
          <table className="table" aria-label={t('screens.return.original.table')}>
            <thead>
              <tr>
                <th scope="col">{t('screens.return.original.item')}</th>
                <th scope="col" className="num">
                  {t('screens.return.original.bought')}
                </th>
                <th scope="col" className="num">
                  {t('screens.return.original.returned')}
                </th>
                <th scope="col" className="num">
                  {t('screens.return.original.left')}
                </th>
                <th scope="col">{t('screens.return.original.quantity')}</th>
              </tr>
            </thead>
            <tbody>
              {sale.lines.map((line) => (
                <tr key={line.lineId}>
                  <td>
                    {nameOf(line)}
                    <span className="panel__note return__price">
                      {' '}
                      {formatMoney(line.unitPrice, sale.currency, sale.locale)}
                    </span>
                  </td>
                  <td className="num">{line.quantity}</td>
                  <td className="num">{line.returned}</td>
                  <td className="num">{line.returnable}</td>
                  <td>
                    <input
                      className="field__input return__quantity"
                      type="number"
                      inputMode="decimal"
                      min={0}
                      step="any"
                      aria-label={t('screens.return.original.quantityOf', { item: nameOf(line) })}
                      value={wanted[line.lineId] ?? ''}
                      placeholder="0"
                      onChange={(event) => {
                        setWanted({ ...wanted, [line.lineId]: event.target.value });
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="panel__note">{t('screens.return.original.hint')}</p>
        <button
          type="submit"
          className="button button--primary return__add"
          disabled={picked.length === 0 || adding}
          aria-busy={adding}
        >
          {t('screens.return.original.add')}
        </button>
      </form>
    </section>
  );
}
