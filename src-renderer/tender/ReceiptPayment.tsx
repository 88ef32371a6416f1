import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../src-shared/money';
import type { ReceiptView } from '../../src-shared/till';
import { useTillClient } from '../client';
import { failureText } from '../common/message-words';
import { useCollect } from '../sale/mutations';
import { statusQuery } from '../status/queries';
import { methodLabel } from './method-label';
import { settlementOf, takeTender } from './take-tender';
import { TenderEntry } from './TenderEntry';

/** What is still to collect (a voucher lost after the customer paid), and one more tender to pay it. */
function Collect({ receipt }: { readonly receipt: ReceiptView }) {
  const { t } = useTranslation();
  const client = useTillClient();
  const settings = useQuery(statusQuery(client)).data?.tender;
  const collect = useCollect(receipt.basketCode);
  const [problem, setProblem] = useState<string | null>(null);
  const amountId = useId();
  const money = { currency: receipt.currency, locale: receipt.locale };
  const owed = receipt.payment.toCollect;
  const amount = formatMoney(owed, money.currency, money.locale);
  return (
    <section className="panel collect" aria-labelledby="collect-heading">
      <h2 id="collect-heading" className="panel__heading">
        {t('screens.tender.receipt.collectHeading')}
      </h2>
      <p className="collect__text">{t('screens.tender.receipt.collectText', { amount })}</p>
      <div className="totals__row totals__row--total">
        <span id={amountId} className="totals__label">
          {t('screens.tender.receipt.collectAmount')}
        </span>
        <output aria-labelledby={amountId} className="totals__amount money">
          {amount}
        </output>
      </div>
      {settings ? (
        <TenderEntry
          methods={settings.methods}
          refund={false}
          disabled={collect.isPending}
          problem={problem ?? (collect.isError ? failureText(collect.error, t) : null)}
          onTender={(method, typed) => {
            const settlement = settlementOf(owed, [], settings);
            const taken = takeTender(settlement, [], method, typed, settings, money, t);
            if ('problem' in taken) {
              setProblem(taken.problem);
              return false;
            }
            const [tender] = taken.tenders;
            if (!tender) return false;
            setProblem(null);
            collect.mutate(tender);
            return true;
          }}
        />
      ) : null}
    </section>
  );
}

/** How the sale was paid: each tender, the change given, and anything still to collect. */
export function ReceiptPayment({ receipt }: { readonly receipt: ReceiptView }) {
  const { t } = useTranslation();
  const { payment } = receipt;
  const changeId = useId();
  if (payment.tenders.length === 0) return null;
  const money = (minor: number) => formatMoney(minor, receipt.currency, receipt.locale);
  return (
    <>
      {payment.toCollect > 0 ? <Collect receipt={receipt} /> : null}
      <section className="panel" aria-labelledby="payment-heading">
        <h2 id="payment-heading" className="panel__heading">
          {t('screens.tender.receipt.heading')}
        </h2>
        <ul className="payment-list" aria-label={t('screens.tender.receipt.list')}>
          {payment.tenders.map((tender, index) => {
            const method = methodLabel(tender, tender.method, t);
            const text =
              tender.change > 0
                ? t('screens.tender.tenderCash', { method, amount: money(tender.tendered) })
                : t('screens.tender.tender', { method, amount: money(Math.abs(tender.amount)) });
            return (
              <li key={`${String(index)}-${tender.method}`}>
                {text}
                {tender.late ? ` (${t('screens.tender.receipt.late')})` : null}
              </li>
            );
          })}
        </ul>
        {payment.change > 0 ? (
          <div className="totals__row totals__row--line">
            <span id={changeId} className="totals__label">
              {t('screens.tender.receipt.changeGiven')}
            </span>
            <output aria-labelledby={changeId} className="totals__amount money">
              {money(payment.change)}
            </output>
          </div>
        ) : null}
      </section>
    </>
  );
}
