import type { MutationStatus } from '@tanstack/react-query';
import type { SaleView } from '../../src-shared/till';
import { failureMessage } from '../client';
import { SLOW_MESSAGE } from '../common/useSlowFlag';
import { refusalText } from './refusal-text';

/** What the cashier last asked of the sale, as far as the alert cares. */
export interface LastCommand {
  readonly name: string;
  readonly status: MutationStatus;
  readonly error: unknown;
  readonly variables: unknown;
}

export interface SaleAlert {
  readonly tone: 'warning' | 'danger';
  readonly lines: readonly string[];
}

function textVariable(variables: unknown, name: 'code' | 'ref'): string | null {
  if (typeof variables !== 'object' || variables === null || !(name in variables)) return null;
  const value: unknown = Reflect.get(variables, name);
  return typeof value === 'string' ? value : null;
}

type Refused = SaleView['rejected'][number];
type Notice = SaleView['notices'][number];

/** The voucher the last scan named, when the till refused it. */
function refusedScan(view: SaleView, last: LastCommand): Refused | null {
  const code = textVariable(last.variables, 'code')?.toUpperCase();
  return view.rejected.find((voucher) => voucher.ref.toUpperCase() === code) ?? null;
}

/** A notice that names the refused voucher, or that its refusal already says, adds nothing to the refusal's own line. */
function restates(notice: Notice, refused: Refused): boolean {
  return refused.message.includes(notice.message) || notice.message.includes(refused.ref);
}

/** The member's own vouchers come back from the engine whatever the till asks. */
function keptVoucher(view: SaleView, last: LastCommand): string | null {
  const ref = textVariable(last.variables, 'ref');
  if (ref === null || !view.applied.some((voucher) => voucher.code === ref)) return null;
  return `${ref} is the customer's own voucher: the voucher engine applies it for as long as the customer is on the sale.`;
}

/**
 * The sale screen's alert, in plain words, or none: the engine being slow beats everything;
 * then a refused command; then what the latest answer said (unknown barcode, engine
 * unreachable, locks kept after a void …) and what became of the voucher just scanned, in its
 * refusal's words, said once.
 */
export function saleAlert(
  view: SaleView | undefined,
  last: LastCommand | undefined,
  slow: boolean,
): SaleAlert | null {
  if (slow) return { tone: 'warning', lines: [SLOW_MESSAGE] };
  if (last?.status === 'error') return { tone: 'danger', lines: [failureMessage(last.error)] };
  if (!view) return null;
  const succeeded = last?.status === 'success' ? last : null;
  const refused = succeeded?.name === 'scan' ? refusedScan(view, succeeded) : null;
  const lines = view.notices
    .filter((notice) => refused === null || !restates(notice, refused))
    .map((notice) => notice.message);
  if (refused !== null)
    lines.push(`Voucher ${refused.ref} was refused: ${refusalText(refused, view.locale)}`);
  const kept = succeeded?.name === 'remove-voucher' ? keptVoucher(view, succeeded) : null;
  if (kept !== null) lines.push(kept);
  return lines.length > 0 ? { tone: 'warning', lines } : null;
}
