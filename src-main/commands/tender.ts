import { err, ok, type Result } from '../../src-shared/result';
import {
  settleTenders,
  type ReceiptPaymentView,
  type Tender,
  type TenderProblem,
  type TillError,
} from '../../src-shared/till';
import { tenderMethods, type TenderSettings } from '../config';
import type { BasketPayment } from '../engine-client';
import type { JournalTender } from '../store';
import { tillError } from './till-error-words';

/** Tenders as the journal takes them at the confirm. */
export type SaleTenders = Omit<JournalTender, 'late'>[];

function refusal(problem: TenderProblem): TillError {
  switch (problem.code) {
    case 'tender_unknown_method':
      return tillError('invalid_input', problem.code, { name: problem.method });
    case 'tender_over_due':
      return tillError('invalid_input', problem.code, { amount: problem.remaining });
    case 'tender_refund_mismatch':
      return tillError('invalid_input', problem.code, { amount: problem.due });
    case 'tender_not_needed':
    case 'tender_not_positive':
      return tillError('invalid_input', problem.code, {});
  }
}

/** A receipt's payment: each tender as taken, with what they paid, the change and anything left to collect. */
export function receiptPaymentOf(
  net: number,
  tenders: readonly JournalTender[],
): ReceiptPaymentView {
  return { tenders: tenders.map((tender) => ({ ...tender })), ...paymentOf(net, tenders) };
}

/**
 * The cashier's tenders checked against what is due: they must cover it (cash rounded, change
 * worked out). Each comes back with its method's kind and name, as the journal keeps it.
 */
export function settleSale(
  settings: TenderSettings,
  due: number,
  tenders: readonly Tender[],
): Result<SaleTenders, TillError> {
  const methods = tenderMethods(settings);
  const settled = settleTenders(due, tenders, methods, settings.cashRoundingMinor ?? null);
  if (!settled.ok) return err(refusal(settled.error));
  if (!settled.value.covered)
    return err(
      tillError('invalid_input', 'tender_not_covered', {
        amount: Math.abs(settled.value.remaining),
      }),
    );
  const names = new Map(methods.map((method) => [method.id, method.name]));
  return ok(
    settled.value.tenders.map((tender) => ({ ...tender, name: names.get(tender.method) ?? null })),
  );
}

/**
 * What a sale's tenders paid, and what is still to collect: the total plus what cash rounding
 * added, less what was paid. Null `paid` when there are none (a host POS took the payment).
 */
export function paymentOf(
  net: number,
  tenders: readonly JournalTender[],
): { paid: number | null; change: number; toCollect: number } {
  if (tenders.length === 0) return { paid: null, change: 0, toCollect: 0 };
  const paid = tenders.reduce((sum, tender) => sum + tender.amount, 0);
  const rounding = tenders.reduce((sum, tender) => sum + tender.rounding, 0);
  const change = tenders.reduce((sum, tender) => sum + tender.change, 0);
  const owed = net + rounding - paid;
  return { paid, change, toCollect: net > 0 && owed > 0 ? owed : 0 };
}

/**
 * The tenders an add-basket's `payment_methods` name, as the journal keeps them: an interrupted
 * confirm finished after a restart knows what each paid, not what was handed over.
 */
export function tendersOfPayments(
  settings: TenderSettings,
  payments: readonly BasketPayment[],
): SaleTenders {
  const methods = new Map(tenderMethods(settings).map((method) => [method.id, method]));
  return payments.map((payment) => {
    const method = methods.get(payment.method);
    return {
      method: payment.method,
      kind: method?.kind ?? 'other',
      name: method?.name ?? null,
      tendered: Math.abs(payment.amount),
      amount: payment.amount,
      change: 0,
      rounding: 0,
    };
  });
}
