import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../src-shared/money';
import type { PastSaleView } from '../../src-shared/till';
import { PlaceholderRow } from '../common/PlaceholderRow';
import { RowButton } from '../common/RowButton';
import { TableHead } from '../common/TableHead';
import { formatStamp } from '../common/time';

interface PastSalesTableProps {
  readonly sales: UseQueryResult<PastSaleView[]>;
  readonly filtered: boolean;
  readonly locale: string;
  readonly onOpen: (basketCode: string) => void;
}

/** The sales found, newest first, each with a button that opens its receipt. */
export function PastSalesTable({ sales, filtered, locale, onOpen }: PastSalesTableProps) {
  const { t } = useTranslation();
  const columns = [
    t('screens.pastSales.list.columns.time'),
    t('screens.pastSales.list.columns.basket'),
    t('screens.pastSales.list.columns.customer'),
    t('screens.pastSales.list.columns.lines'),
    t('screens.pastSales.list.columns.total'),
    t('screens.pastSales.list.columns.sync'),
    t('screens.pastSales.list.columns.open'),
  ];
  const count = new Intl.NumberFormat(locale);
  return (
    // scrolls when long: reachable by keyboard, named for a screen reader
    <div
      className="table-frame past-sales__frame"
      role="region"
      aria-label={t('screens.pastSales.list.table')}
      tabIndex={0}
    >
      <table className="table table--dense" aria-label={t('screens.pastSales.list.table')}>
        <TableHead columns={columns} />
        <tbody>
          <PlaceholderRow
            query={sales}
            columns={columns.length}
            empty={
              filtered
                ? t('screens.pastSales.list.emptyFiltered')
                : t('screens.pastSales.list.empty')
            }
          />
          {sales.data?.map((sale) => (
            <tr key={sale.basketCode}>
              <td>{formatStamp(sale.confirmedAt, locale)}</td>
              <td className="code">{sale.basketCode}</td>
              <td>
                {sale.customer
                  ? t('screens.pastSales.list.member', {
                      memberNumber: sale.customer.memberNumber,
                    })
                  : t('screens.pastSales.list.noCustomer')}
              </td>
              <td className="num">{count.format(sale.lineCount)}</td>
              <td className="num money">{formatMoney(sale.total, sale.currency, locale)}</td>
              <td>
                <span className={`tag ${sale.syncState === 'queued' ? 'tag--warning' : ''}`}>
                  {sale.syncState === 'synced'
                    ? t('screens.pastSales.list.synced')
                    : t('screens.pastSales.list.queued')}
                </span>
              </td>
              <td className="table__action">
                <RowButton
                  text={t('screens.pastSales.list.open')}
                  name={t('screens.pastSales.list.openName', { basketCode: sale.basketCode })}
                  onClick={() => {
                    onOpen(sale.basketCode);
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
