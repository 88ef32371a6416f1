import { z } from 'zod';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { parseWith } from '../validation/parse';
import type { TillClient } from './api';
import { TILL_COMMAND_NAMES } from './command-names';
import { isTillCommandName, tillCommands, type TillInput, type TillOutput } from './commands';
import { tillResultSchema } from './errors';

describe('the till command contract', () => {
  it('declares the commands the till needs, each with an input and an output schema', () => {
    expect(TILL_COMMAND_NAMES).toEqual(
      expect.arrayContaining([
        'sale/start',
        'sale/scan',
        'sale/set-quantity',
        'sale/remove-line',
        'sale/confirm',
        'sale/void',
        'manager/sign-in',
        'manager/locked-vouchers',
        'manager/unlock-voucher',
        'manager/audit-log',
        'manager/conflicts',
        'manager/acknowledge-conflict',
        'status/get',
        'diagnostics/run',
      ]),
    );
    expect([...TILL_COMMAND_NAMES].sort()).toEqual(Object.keys(tillCommands).sort());
    for (const name of TILL_COMMAND_NAMES) {
      expect(name).toMatch(/^[a-z]+\/[a-z-]+$/);
      expect(tillCommands[name].input).toBeInstanceOf(z.ZodType);
      expect(tillCommands[name].output).toBeInstanceOf(z.ZodType);
    }
  });

  it('knows only its own names, not inherited properties', () => {
    expect(isTillCommandName('sale/scan')).toBe(true);
    expect(isTillCommandName('constructor')).toBe(false);
    expect(isTillCommandName('__proto__')).toBe(false);
    expect(isTillCommandName('sale/delete-everything')).toBe(false);
  });

  it('refuses bad input by field', () => {
    const scan = parseWith(tillCommands['sale/scan'].input, { saleId: 's1', code: '   ' });
    expect(!scan.ok && scan.error).toEqual([{ path: 'code', message: 'nothing was scanned' }]);
    const quantity = parseWith(tillCommands['sale/set-quantity'].input, {
      saleId: 's1',
      lineId: 'l1',
      quantity: -2,
    });
    expect(!quantity.ok && quantity.error.map((issue) => issue.path)).toEqual(['quantity']);
    const unlock = parseWith(tillCommands['manager/unlock-voucher'].input, {
      voucherKey: 'k',
      reason: '',
    });
    expect(!unlock.ok && unlock.error).toEqual([{ path: 'reason', message: 'say why' }]);
  });

  it('takes a day of the calendar and a voucher code to filter the audit log, naming what is wrong', () => {
    const input = tillCommands['manager/audit-log'].input;
    expect(parseWith(input, { day: '2026-11-23', voucherCode: ' HONOUR-1 ' })).toEqual({
      ok: true,
      value: { limit: 100, day: '2026-11-23', voucherCode: 'HONOUR-1' },
    });
    const notADay = parseWith(input, { day: '2027-02-29' });
    expect(!notADay.ok && notADay.error).toEqual([
      { path: 'day', message: 'a day of the calendar as YYYY-MM-DD' },
    ]);
    const noCode = parseWith(input, { voucherCode: '  ' });
    expect(!noCode.ok && noCode.error.map((issue) => issue.path)).toEqual(['voucherCode']);
    const basket = parseWith(tillCommands['manager/unlock-basket'].input, {
      basketCode: 'S001-02-20261123-0007',
      reason: 'x',
    });
    expect(!basket.ok && basket.error).toEqual([{ path: 'reason', message: 'say why' }]);
  });

  it('fills defaults', () => {
    expect(parseWith(tillCommands['manager/audit-log'].input, {})).toEqual({
      ok: true,
      value: { limit: 100 },
    });
  });

  it('carries results as {ok, value} or {ok, error: {code, message}}', () => {
    const result = tillResultSchema(tillCommands['manager/sign-out'].output);
    expect(result.safeParse({ ok: true, value: {} }).success).toBe(true);
    expect(
      result.safeParse({
        ok: false,
        error: { code: 'engine_unreachable', message: 'The engine did not answer.' },
      }).success,
    ).toBe(true);
    expect(result.safeParse({ ok: false, error: { code: 'made_up', message: '' } }).success).toBe(
      false,
    );
  });

  it('types a client from the map', () => {
    expectTypeOf<TillInput<'sale/scan'>>().toEqualTypeOf<{
      saleId: string;
      code: string;
      quantity?: number | undefined;
    }>();
    expectTypeOf<TillOutput<'sale/confirm'>['syncState']>().toEqualTypeOf<'synced' | 'queued'>();
    expectTypeOf<Parameters<TillClient['manager/audit-log']>[0]>().toEqualTypeOf<{
      limit?: number | undefined;
      day?: string | undefined;
      voucherCode?: string | undefined;
    }>();
  });
});
