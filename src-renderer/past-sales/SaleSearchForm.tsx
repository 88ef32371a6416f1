import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../src-shared/money';
import { InlineField } from '../common/InlineField';
import type { PastSaleFilter } from './queries';
import { typedAmount } from './typed-amount';

interface SaleSearchFormProps {
  readonly locale: string;
  readonly currency: string;
  readonly filtered: boolean;
  readonly onSearch: (filter: PastSaleFilter) => void;
}

/** By basket code (a scan of the receipt's barcode lands here too), by day, by amount paid. */
export function SaleSearchForm({ locale, currency, filtered, onSearch }: SaleSearchFormProps) {
  const { t } = useTranslation();
  const [basketCode, setBasketCode] = useState('');
  const [day, setDay] = useState('');
  const [amount, setAmount] = useState('');
  const [badAmount, setBadAmount] = useState(false);
  return (
    <form
      className="past-sales__search"
      role="search"
      aria-label={t('screens.pastSales.search.label')}
      onSubmit={(event) => {
        event.preventDefault();
        const code = basketCode.trim();
        const minor = amount.trim() === '' ? undefined : typedAmount(amount, locale, currency);
        setBadAmount(minor === null);
        if (minor === null) return;
        onSearch({
          ...(code === '' ? {} : { basketCode: code }),
          ...(day === '' ? {} : { day }),
          ...(minor === undefined ? {} : { amount: minor }),
        });
      }}
    >
      <InlineField
        label={t('screens.pastSales.search.basketCode')}
        inputClassName="code"
        type="text"
        maxLength={64}
        autoComplete="off"
        spellCheck={false}
        value={basketCode}
        onChange={setBasketCode}
      />
      <InlineField
        label={t('screens.pastSales.search.day')}
        type="date"
        value={day}
        onChange={setDay}
      />
      <InlineField
        label={t('screens.pastSales.search.amount')}
        inputClassName="past-sales__amount"
        type="text"
        inputMode="decimal"
        maxLength={20}
        autoComplete="off"
        aria-invalid={badAmount}
        aria-describedby={badAmount ? 'past-sales-bad-amount' : undefined}
        value={amount}
        onChange={setAmount}
      />
      <button type="submit" className="button button--small">
        {t('screens.pastSales.search.find')}
      </button>
      {filtered || badAmount ? (
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => {
            setBasketCode('');
            setDay('');
            setAmount('');
            setBadAmount(false);
            onSearch({});
          }}
        >
          {t('screens.pastSales.search.clear')}
        </button>
      ) : null}
      {badAmount ? (
        <p id="past-sales-bad-amount" className="past-sales__error" role="alert">
          {t('screens.pastSales.search.badAmount', {
            example: formatMoney(370, currency, locale),
          })}
        </p>
      ) : null}
    </form>
  );
}
