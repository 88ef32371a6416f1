import { z } from 'zod';
import {
  tillCommands,
  tillResultSchema,
  type TillClient,
  type TillCommandName,
  type TillInput,
  type TillResult,
} from '../../src-shared/till';
import { TILL_NOT_ANSWERING } from './till-failure';
import type { RawCall } from './transports';

/** `{ ok, value } | { ok: false, error }` with the value still unchecked. */
const envelope = tillResultSchema(z.unknown());

/**
 * Sends one command and checks the answer: the envelope as `tillResultSchema` describes it,
 * then the value against the command's own output schema.
 */
async function checkedCall<S extends z.ZodType>(
  raw: RawCall,
  name: TillCommandName,
  input: unknown,
  output: S,
): Promise<TillResult<z.output<S>>> {
  let answer: unknown;
  try {
    answer = await raw(name, input);
  } catch {
    return { ok: false, error: TILL_NOT_ANSWERING };
  }
  const unexpected = {
    ok: false,
    error: { code: 'internal', message: `The till gave an unexpected answer to ${name}.` },
  } as const;
  const parsed = envelope.safeParse(answer);
  if (!parsed.success) return unexpected;
  if (!parsed.data.ok) return parsed.data;
  const value = output.safeParse(parsed.data.value);
  return value.success ? { ok: true, value: value.data } : unexpected;
}

/** The till as the UI uses it, over whichever transport `raw` is; every answer validated. */
export function createTillClient(raw: RawCall): TillClient {
  const command =
    <N extends TillCommandName, S extends z.ZodType>(name: N, output: S) =>
    (input: TillInput<N>) =>
      checkedCall(raw, name, input, output);
  const c = tillCommands;
  return {
    'sale/current': command('sale/current', c['sale/current'].output),
    'sale/start': command('sale/start', c['sale/start'].output),
    'sale/scan': command('sale/scan', c['sale/scan'].output),
    'sale/set-quantity': command('sale/set-quantity', c['sale/set-quantity'].output),
    'sale/remove-line': command('sale/remove-line', c['sale/remove-line'].output),
    'sale/remove-voucher': command('sale/remove-voucher', c['sale/remove-voucher'].output),
    'sale/keep-voucher': command('sale/keep-voucher', c['sale/keep-voucher'].output),
    'sale/activate-voucher': command('sale/activate-voucher', c['sale/activate-voucher'].output),
    'sale/set-customer': command('sale/set-customer', c['sale/set-customer'].output),
    'sale/confirm': command('sale/confirm', c['sale/confirm'].output),
    'sale/void': command('sale/void', c['sale/void'].output),
    'catalogue/search': command('catalogue/search', c['catalogue/search'].output),
    'return/recent': command('return/recent', c['return/recent'].output),
    'return/find': command('return/find', c['return/find'].output),
    'return/add': command('return/add', c['return/add'].output),
    'receipt/get': command('receipt/get', c['receipt/get'].output),
    'receipt/collect': command('receipt/collect', c['receipt/collect'].output),
    'receipt/search': command('receipt/search', c['receipt/search'].output),
    'manager/sign-in': command('manager/sign-in', c['manager/sign-in'].output),
    'manager/sign-out': command('manager/sign-out', c['manager/sign-out'].output),
    'manager/locked-vouchers': command(
      'manager/locked-vouchers',
      c['manager/locked-vouchers'].output,
    ),
    'manager/unlock-voucher': command('manager/unlock-voucher', c['manager/unlock-voucher'].output),
    'manager/unlock-basket': command('manager/unlock-basket', c['manager/unlock-basket'].output),
    'manager/audit-log': command('manager/audit-log', c['manager/audit-log'].output),
    'manager/conflicts': command('manager/conflicts', c['manager/conflicts'].output),
    'manager/acknowledge-conflict': command(
      'manager/acknowledge-conflict',
      c['manager/acknowledge-conflict'].output,
    ),
    'manager/reward-pools': command('manager/reward-pools', c['manager/reward-pools'].output),
    'status/get': command('status/get', c['status/get'].output),
    'diagnostics/run': command('diagnostics/run', c['diagnostics/run'].output),
  };
}
