import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../src-shared/money';
import { cashDue, type Tender, type TenderSettingsView } from '../../src-shared/till';
import { Dialog } from '../common/Dialog';
import { TotalsRow } from '../common/TotalsRow';
import { methodLabel } from './method-label';
import { settlementOf, takeTender, type Money } from './take-tender';
import { TenderEntry } from './TenderEntry';

interface TenderDialogProps {
  /** The sale's total: negative for a return, which is paid back. */
  readonly due: number;
  readonly money: Money;
  readonly settings: TenderSettingsView;
  readonly confirming: boolean;
  /** Why the till did not confirm, in words; null while nothing went wrong. */
  readonly failure: string | null;
  readonly onConfirm: (tenders: readonly Tender[]) => void;
  readonly onClose: () => void;
  readonly onClosed: () => void;
}

/**
 * Taking the payment: what is due, each tender as it is given (several per sale), what is
 * still to pay (in cash: rounded) and the change; Confirm once the tenders cover the total.
 * A refund is paid back by one tender.
 */
export function TenderDialog(props: TenderDialogProps) {
  const { due, money, settings, confirming, failure, onConfirm, onClose, onClosed } = props;
  const { t } = useTranslation();
  const [tenders, setTenders] = useState<readonly Tender[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const refund = due < 0;
  const settlement = settlementOf(due, tenders, settings);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // paid in full: Enter confirms
  useEffect(() => {
    if (settlement.covered) confirmRef.current?.focus();
  }, [settlement.covered]);
  const format = (minor: number) => formatMoney(minor, money.currency, money.locale);
  const rest = Math.abs(settlement.remaining);
  const cash = settings.methods.some((method) => method.kind === 'cash');
  const restInCash = cashDue(rest, settings.cashStep);
  const methodOf = (id: string) => settings.methods.find((method) => method.id === id);
  const next = settlement.covered
    ? refund
      ? t('screens.tender.refunded')
      : t('screens.tender.covered')
    : refund
      ? t('screens.tender.refundNext', { amount: format(rest) })
      : tenders.length === 0
        ? t('screens.tender.none')
        : null;

  return (
    <Dialog
      title={refund ? t('screens.tender.refundHeading') : t('screens.tender.heading')}
      onClose={onClose}
      onClosed={onClosed}
    >
      <div className="tender">
        <section className="panel totals tender__figures" aria-label={t('screens.tender.summary')}>
          <TotalsRow
            label={refund ? t('screens.tender.toRefund') : t('screens.tender.due')}
            text={format(Math.abs(due))}
            variant="line"
          />
          {tenders.length > 0 ? (
            <TotalsRow
              label={t('screens.tender.paid')}
              text={format(
                Math.abs(settlement.tenders.reduce((sum, tender) => sum + tender.amount, 0)),
              )}
              variant="line"
            />
          ) : null}
          {settlement.covered ? null : (
            <TotalsRow label={t('screens.tender.remaining')} text={format(rest)} variant="total" />
          )}
          {!settlement.covered && cash && restInCash !== rest ? (
            <TotalsRow
              label={t('screens.tender.inCash')}
              text={format(restInCash)}
              variant="line"
            />
          ) : null}
          {settlement.change > 0 || (settlement.covered && !refund) ? (
            <TotalsRow
              label={t('screens.tender.change')}
              text={format(settlement.change)}
              variant="total"
            />
          ) : null}
        </section>
        {tenders.length > 0 ? (
          <ol className="tender__list" aria-label={t('screens.tender.tenders')}>
            {settlement.tenders.map((tender, index) => {
              const method = methodOf(tender.method);
              const label = method ? methodLabel(method, tender.method, t) : tender.method;
              return (
                <li key={`${String(index)}-${tender.method}`} className="tender__item">
                  <span>
                    {tender.kind === 'cash' && tender.change > 0
                      ? t('screens.tender.tenderCash', {
                          method: label,
                          amount: format(tender.tendered),
                        })
                      : t('screens.tender.tender', {
                          method: label,
                          amount: format(Math.abs(tender.amount)),
                        })}
                  </span>
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    disabled={confirming}
                    onClick={() => {
                      setTenders(tenders.slice(0, index));
                      setProblem(null);
                    }}
                  >
                    {t('screens.tender.remove', { number: index + 1 })}
                  </button>
                </li>
              );
            })}
          </ol>
        ) : null}
        {next ? (
          <p className="dialog__text tender__next" aria-live="polite">
            {next}
          </p>
        ) : null}
        {settlement.covered ? null : (
          <TenderEntry
            methods={settings.methods}
            refund={refund}
            disabled={confirming}
            problem={problem}
            onTender={(method, typed) => {
              const taken = takeTender(settlement, tenders, method, typed, settings, money, t);
              if ('problem' in taken) {
                setProblem(taken.problem);
                return false;
              }
              setProblem(null);
              setTenders(taken.tenders);
              return true;
            }}
          />
        )}
        {failure ? (
          <p className="tender-entry__problem" role="alert">
            {failure}
          </p>
        ) : null}
        <div className="dialog__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('screens.tender.back')}
          </button>
          <button
            type="button"
            className={`button button--confirm ${confirming ? 'is-working' : ''}`}
            disabled={!settlement.covered || confirming}
            aria-busy={confirming}
            ref={confirmRef}
            onClick={() => {
              onConfirm(
                settlement.tenders.map((tender) => ({
                  method: tender.method,
                  amount: tender.tendered,
                })),
              );
            }}
          >
            {refund ? t('screens.tender.confirmRefund') : t('screens.tender.confirm')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
