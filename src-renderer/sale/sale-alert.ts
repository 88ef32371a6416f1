import type { MutationStatus } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { SaleView } from '../../src-shared/till';
import { failureText, messageText, noticeText } from '../common/message-words';
import { refusalWords } from './refusal-text';

/** What the cashier last asked of the sale, as far as the alert cares. */
export interface LastCommand {
  readonly name: string;
  readonly status: MutationStatus;
  readonly error: unknown;
  readonly variables: unknown;
}

/** A button the alert offers beside its words (hold a voucher again). */
export interface AlertAction {
  readonly label: string;
  readonly run: () => void;
}

export interface SaleAlert {
  readonly tone: 'info' | 'warning' | 'danger';
  readonly lines: readonly string[];
  readonly action?: AlertAction;
}

function textVariable(variables: unknown, name: 'code' | 'ref' | 'basketCode'): string | null {
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

/** A notice about the refused voucher says what its refusal's own line says already. */
function restates(notice: Notice, refused: Refused): boolean {
  const about = notice.params.voucherCode ?? notice.params.voucherCodes;
  const codes = about?.split(', ').map((code) => code.toUpperCase());
  return codes?.includes(refused.ref.toUpperCase()) ?? false;
}

/** The member's own vouchers come back from the engine whatever the till asks. */
function keptVoucher(view: SaleView, last: LastCommand, t: TFunction): string | null {
  const ref = textVariable(last.variables, 'ref');
  if (ref === null || !view.applied.some((voucher) => voucher.code === ref)) return null;
  return t('screens.sale.alert.kept', { code: ref });
}

/** What the voided sale was, when the last command voided one and the till freed its vouchers. */
function voidedText(view: SaleView, last: LastCommand, t: TFunction): string | null {
  const basketCode = textVariable(last.variables, 'basketCode');
  if (basketCode === null) return null;
  // the till says itself when the vouchers stay held
  if (view.notices.some((notice) => notice.code === 'locks_not_released')) return null;
  return `${t('screens.sale.alert.voided', { basketCode })} ${t('screens.sale.alert.voidedNext')}`;
}

/**
 * The sale screen's alert, in the till's language, or none: the engine being slow beats
 * everything; then a refused command; then a hold that ended (with a button to hold the
 * voucher again); then what the latest answer said (unknown barcode, engine unreachable, locks
 * kept after a void …) and what became of the voucher just scanned, in its refusal's words,
 * said once; after a void, that it is done.
 */
export function saleAlert(
  view: SaleView | undefined,
  last: LastCommand | undefined,
  slow: boolean,
  t: TFunction,
  holdEnded: SaleAlert | null = null,
): SaleAlert | null {
  if (slow) return { tone: 'warning', lines: [t('screens.sale.alert.slow')] };
  if (last?.status === 'error') return { tone: 'danger', lines: [failureText(last.error, t)] };
  if (!view) return null;
  if (holdEnded) return holdEnded;
  const succeeded = last?.status === 'success' ? last : null;
  const refused = succeeded?.name === 'scan' ? refusedScan(view, succeeded) : null;
  const lines = view.notices
    .filter((notice) => refused === null || !restates(notice, refused))
    .map((notice) => noticeText(notice, t));
  if (refused !== null)
    lines.push(
      t('screens.sale.alert.refused', {
        code: refused.ref,
        what: messageText(refusalWords(refused, t)),
      }),
    );
  const kept = succeeded?.name === 'remove-voucher' ? keptVoucher(view, succeeded, t) : null;
  if (kept !== null) lines.push(kept);
  if (lines.length > 0) return { tone: 'warning', lines };
  const voided = succeeded?.name === 'void' ? voidedText(view, succeeded, t) : null;
  return voided === null ? null : { tone: 'info', lines: [voided] };
}
