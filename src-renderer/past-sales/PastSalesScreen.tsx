import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTillClient } from '../client';
import { AlertSlot } from '../common/AlertSlot';
import { failureText } from '../common/message-words';
import { statusQuery } from '../status/queries';
import { PastSaleReceipt } from './PastSaleReceipt';
import { PastSalesTable } from './PastSalesTable';
import { pastSalesQuery, type PastSaleFilter } from './queries';
import { SaleSearchForm } from './SaleSearchForm';

/**
 * Past sales from this till's journal: the newest first, found by basket code, day (of the
 * till's calendar) or amount paid; one opened shows its receipt to reprint. `Last receipt`
 * brings back the receipt of the sale confirmed last, after New sale or a reload.
 */
export function PastSalesScreen() {
  const { t, i18n } = useTranslation();
  const client = useTillClient();
  const { data: status } = useQuery(statusQuery(client));
  const [filter, setFilter] = useState<PastSaleFilter>({});
  const [opened, setOpened] = useState<string | null>(null);
  const [noSales, setNoSales] = useState(false);
  const sales = useQuery(pastSalesQuery(client, filter));
  const last = useQuery({ ...pastSalesQuery(client, {}), enabled: false });
  const filtered = Object.keys(filter).length > 0;
  const locale = status?.locale ?? i18n.language;
  const currency = status?.currency ?? 'EUR';

  if (opened !== null)
    return (
      <PastSaleReceipt
        basketCode={opened}
        onBack={() => {
          setOpened(null);
        }}
      />
    );

  const openLast = async () => {
    const newest = (await last.refetch()).data?.[0];
    setNoSales(newest === undefined);
    if (newest) setOpened(newest.basketCode);
  };

  return (
    <div className="past-sales">
      <header className="screen-header">
        <h1 className="screen-header__title">{t('screens.pastSales.heading')}</h1>
        <p className="screen-header__meta">{t('screens.pastSales.meta')}</p>
        <button
          type="button"
          className="button button--primary button--small"
          onClick={() => {
            void openLast();
          }}
        >
          {t('screens.pastSales.lastReceipt')}
        </button>
      </header>
      <AlertSlot
        alert={
          last.isError
            ? {
                tone: 'danger',
                lines: [failureText(last.error, t, { language: i18n.language })],
              }
            : noSales
              ? { tone: 'info', lines: [t('screens.pastSales.noSales')] }
              : null
        }
        idleText={
          sales.data
            ? filtered
              ? t('screens.pastSales.list.found', { count: sales.data.length })
              : t('screens.pastSales.list.count', { count: sales.data.length })
            : t('screens.common.loading')
        }
      />
      <SaleSearchForm
        locale={locale}
        currency={currency}
        filtered={filtered}
        onSearch={(next) => {
          setNoSales(false);
          setFilter(next);
        }}
      />
      <PastSalesTable sales={sales} filtered={filtered} locale={locale} onOpen={setOpened} />
    </div>
  );
}
