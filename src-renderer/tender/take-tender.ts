import type { TFunction } from 'i18next';
import { formatMoney } from '../../src-shared/money';
import {
  cashDue,
  parseTypedAmount,
  settleTenders,
  type Settlement,
  type Tender,
  type TenderMethodView,
  type TenderSettingsView,
} from '../../src-shared/till';

export interface Money {
  readonly currency: string;
  readonly locale: string;
}

/**
 * The tenders so far against what is due. Should the total change under them (the sale was
 * priced again), the tenders that no longer fit are left off, the latest first.
 */
export function settlementOf(
  due: number,
  tenders: readonly Tender[],
  settings: TenderSettingsView,
): Settlement {
  for (let kept = tenders.length; kept > 0; kept -= 1) {
    const settled = settleTenders(due, tenders.slice(0, kept), settings.methods, settings.cashStep);
    if (settled.ok) return settled.value;
  }
  return { due, tenders: [], remaining: due, change: 0, covered: due === 0 };
}

/**
 * One more tender: the amount typed, or (left empty) exactly what is still to pay by that
 * method (in cash: rounded). The new list, or why it is not taken, in words.
 */
export function takeTender(
  settlement: Settlement,
  tenders: readonly Tender[],
  method: TenderMethodView,
  typed: string,
  settings: TenderSettingsView,
  money: Money,
  t: TFunction,
): { readonly tenders: readonly Tender[] } | { readonly problem: string } {
  const rest = Math.abs(settlement.remaining);
  const exact = method.kind === 'cash' ? cashDue(rest, settings.cashStep) : rest;
  const amount =
    typed.trim() === '' || settlement.due < 0 ? exact : parseTypedAmount(typed, money.currency);
  if (amount === null || amount <= 0) return { problem: t('screens.tender.badAmount') };
  const next = [...tenders, { method: method.id, amount }];
  const settled = settleTenders(settlement.due, next, settings.methods, settings.cashStep);
  if (settled.ok) return { tenders: next };
  if (settled.error.code === 'tender_over_due')
    return {
      problem: t('screens.tender.notAllowed', {
        amount: formatMoney(settled.error.remaining, money.currency, money.locale),
      }),
    };
  return { problem: t('screens.tender.badAmount') };
}
