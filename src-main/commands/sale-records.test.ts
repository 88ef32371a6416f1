import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scriptedCore, type ScriptedCore } from '../../test-support/till/scripted-core';
import { findSale, locksToRelease } from '../store';
import { journalRecords, trainingBasketCode, trainingRecords } from './sale-records';
import { trainingReceipt } from './training-confirm';
import { emptySale } from '../../test-support/renderer/fake-till';

let core: ScriptedCore;
beforeEach(() => {
  core = scriptedCore();
});
afterEach(() => {
  core.dispose();
});

const count = (table: string) =>
  core.context.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n;

describe('a training till’s records', () => {
  it('keep practice sales in memory, under training codes, and write nothing to the store', () => {
    const records = trainingRecords(core.context);
    const at = new Date(Date.UTC(2026, 11, 3, 12));
    const first = records.open(at);
    const second = records.open(at);
    expect([first, second]).toEqual(['S001-01-TRAINING-0001', 'S001-01-TRAINING-0002']);
    expect(records.stateOf(first)).toBe('open');
    expect(records.confirming(first)).toBe(false);

    records.voided(first, at, false);
    records.settled(first, at, false);
    expect(records.stateOf(first)).toBe('voided');

    const receipt = trainingReceipt(emptySale(second), at.getTime());
    records.confirmed(receipt);
    expect(records.stateOf(second)).toBe('confirmed');
    expect(records.receipt(second)).toEqual(receipt);
    expect(records.stateOf('S001-01-20261203-0001')).toBeUndefined();

    expect(findSale(core.context.db, first)).toBeUndefined();
    expect(locksToRelease(core.context.db)).toEqual([]);
    expect({
      sales: count('sales'),
      outbox: count('outbox'),
      codes: count('basket_code_sequence'),
    }).toEqual({ sales: 0, outbox: 0, codes: 0 });
  });

  it('never take one of the terminal’s real basket codes', () => {
    const records = journalRecords(core.context);
    const real = records.open(new Date(Date.UTC(2026, 11, 3, 12)));
    expect(real).toMatch(/^S001-01-\d{8}-\d{4}$/);
    expect(records.stateOf(real)).toBe('open');
    expect(trainingBasketCode({ storeCode: 'S001', terminalId: '01' }, 1)).not.toMatch(
      /^S001-01-\d{8}-\d{4}$/,
    );
  });

  it('a voided real sale the engine may still hold locks for is remembered until they are released', () => {
    const at = new Date(Date.UTC(2026, 11, 3, 12));
    const real = journalRecords(core.context);
    const code = real.open(at);
    real.voided(code, at, false);
    expect(real.stateOf(code)).toBe('voided');
    expect(locksToRelease(core.context.db)).toEqual([code]);
    real.settled(code, at, true);
    expect(locksToRelease(core.context.db)).toEqual([]);
  });
});

describe('a practice sale’s receipt', () => {
  it('is marked as training, with what the sale applied and nothing issued or queued', () => {
    const sale = emptySale('S001-01-TRAINING-0001', {
      customer: { memberNumber: '1000001' },
      applied: [
        {
          voucherKey: 'k1',
          code: 'HONOUR-COFFEE-0001',
          type: 'honour',
          title: 'Free coffee',
          discount: 350,
          amountRemaining: 0,
          honourCode: 'FREE-COFFEE',
          lockedUntil: null,
        },
      ],
      totals: { gross: 350, discount: 350, net: 0 },
    });
    const receipt = trainingReceipt(sale, Date.UTC(2026, 11, 3, 12));
    expect(receipt).toMatchObject({
      basketCode: 'S001-01-TRAINING-0001',
      training: true,
      engineBasketId: null,
      vouchersCreated: [],
      customer: { memberNumber: '1000001' },
      totals: { gross: 350, discount: 350, net: 0 },
      honourCodes: [{ code: 'HONOUR-COFFEE-0001', honourCode: 'FREE-COFFEE' }],
      confirmedAt: '2026-12-03T12:00:00.000Z',
    });
  });
});
