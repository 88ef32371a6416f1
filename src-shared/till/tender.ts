import { toMinorUnits } from '../money/amount';
import { roundToStep } from '../money/rounding';
import { err, ok, type Result } from '../result';

/** How a tender pays: cash (gives change, rounded where the currency needs it), card, or another the store names. */
export type TenderKind = 'cash' | 'card' | 'other';

/** A way of paying the till offers: `id` is what the engine stores as `payment_method`. */
export interface TenderMethod {
  readonly id: string;
  readonly kind: TenderKind;
  /** The store's name for an `other` method; null for cash and card (the catalogue words them). */
  readonly name: string | null;
}

/** What the cashier typed: a method and the amount handed over, in minor units. */
export interface Tender {
  readonly method: string;
  readonly amount: number;
}

/** A tender as it settles the sale: what it paid (negative: paid back), and the change it gave. */
export interface SettledTender {
  readonly method: string;
  readonly kind: TenderKind;
  /** What was handed over (or paid back), in minor units. */
  readonly tendered: number;
  /** What it pays of the sale: `tendered` less the change (negative for a refund). */
  readonly amount: number;
  readonly change: number;
  /** What cash rounding added to what was due for it (negative: rounded down). */
  readonly rounding: number;
}

export interface Settlement {
  /** The sale's total: negative for a return, which is paid back. */
  readonly due: number;
  readonly tenders: readonly SettledTender[];
  /** Still to pay (or to pay back, for a refund) after the tenders; 0 once covered. */
  readonly remaining: number;
  readonly change: number;
  readonly covered: boolean;
}

/** Why the tenders do not settle the sale; `index` is the tender at fault. */
export type TenderProblem =
  | { readonly code: 'tender_unknown_method'; readonly index: number; readonly method: string }
  /** The sale was already covered: this tender is one too many. */
  | { readonly code: 'tender_not_needed'; readonly index: number }
  /** Only cash gives change: a card or other tender may not pay more than is left. */
  | { readonly code: 'tender_over_due'; readonly index: number; readonly remaining: number }
  | { readonly code: 'tender_not_positive'; readonly index: number }
  /** A refund is paid back by one tender, of exactly what is due back. */
  | { readonly code: 'tender_refund_mismatch'; readonly index: number; readonly due: number };

/** What is due when the rest is paid in cash: rounded to the cash step (e.g. 5 for 0,05). */
export function cashDue(remaining: number, cashStep: number | null): number {
  return roundToStep(remaining, cashStep);
}

/**
 * Settles a sale's total with the tenders in the order they were given. Each non-cash tender
 * pays at most what is left; a cash tender that covers the rest (rounded to `cashStep`) gives
 * the difference back as change. A negative total is paid back by exactly one tender, no
 * change. Not covered is no problem here: the result says what is still to pay.
 */
export function settleTenders(
  due: number,
  tenders: readonly Tender[],
  methods: readonly TenderMethod[],
  cashStep: number | null,
): Result<Settlement, TenderProblem> {
  const known = new Map(methods.map((method) => [method.id, method]));
  const settled: SettledTender[] = [];
  let remaining = Math.abs(due);
  let change = 0;
  for (const [index, tender] of tenders.entries()) {
    const method = known.get(tender.method);
    if (!method) return err({ code: 'tender_unknown_method', index, method: tender.method });
    if (!Number.isSafeInteger(tender.amount) || tender.amount <= 0)
      return err({ code: 'tender_not_positive', index });
    if (remaining === 0) return err({ code: 'tender_not_needed', index });
    const inCash = method.kind === 'cash' ? cashDue(remaining, cashStep) : remaining;
    if (due < 0) {
      if (index > 0 || tender.amount !== inCash)
        return err({ code: 'tender_refund_mismatch', index, due: inCash });
      settled.push({
        method: method.id,
        kind: method.kind,
        tendered: tender.amount,
        amount: -tender.amount,
        change: 0,
        rounding: remaining - inCash,
      });
      remaining = 0;
      continue;
    }
    if (tender.amount >= inCash) {
      if (method.kind !== 'cash' && tender.amount > remaining)
        return err({ code: 'tender_over_due', index, remaining });
      const given = tender.amount - inCash;
      settled.push({
        method: method.id,
        kind: method.kind,
        tendered: tender.amount,
        amount: inCash,
        change: given,
        rounding: inCash - remaining,
      });
      change += given;
      remaining = 0;
    } else {
      settled.push({
        method: method.id,
        kind: method.kind,
        tendered: tender.amount,
        amount: tender.amount,
        change: 0,
        rounding: 0,
      });
      remaining -= tender.amount;
    }
  }
  return ok({
    due,
    tenders: settled,
    remaining: due < 0 && remaining !== 0 ? -remaining : remaining,
    change,
    covered: remaining === 0,
  });
}

/**
 * An amount the cashier typed ("20", "4,75", "4.75") in minor units of `currency`; null when
 * it is not a positive amount the currency can carry.
 */
export function parseTypedAmount(text: string, currency: string): number | null {
  const plain = text.trim().replace(',', '.');
  if (!/^\d{1,9}(?:\.\d*)?$/.test(plain)) return null;
  const minor = toMinorUnits(plain.endsWith('.') ? plain.slice(0, -1) : plain, currency);
  return minor.ok && minor.value > 0 ? minor.value : null;
}
