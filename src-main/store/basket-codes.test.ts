import { afterEach, describe, expect, it } from 'vitest';
import { allocateBasketCode, calendarDay } from './basket-codes';
import { openTempStore, type TempStore } from '../../test-support/till/temp-store';

const scope = { storeCode: 'S001', terminalId: '01', timezone: 'Europe/Amsterdam' };

let store: TempStore | undefined;
afterEach(() => {
  store?.dispose();
  store = undefined;
});

describe('basket codes', () => {
  it('counts per store, terminal and day, zero-padded to four digits and beyond', () => {
    store = openTempStore();
    const { db } = store;
    const day = new Date('2026-11-23T10:00:00Z');
    expect(allocateBasketCode(db, scope, day)).toBe('S001-01-20261123-0001');
    expect(allocateBasketCode(db, scope, day)).toBe('S001-01-20261123-0002');
    expect(allocateBasketCode(db, { ...scope, terminalId: '02' }, day)).toBe(
      'S001-02-20261123-0001',
    );
    expect(allocateBasketCode(db, scope, new Date('2026-11-24T10:00:00Z'))).toBe(
      'S001-01-20261124-0001',
    );
    db.prepare(
      `UPDATE basket_code_sequence SET last_seq = 9999 WHERE terminal_id = '01' AND day = '20261123'`,
    ).run();
    expect(allocateBasketCode(db, scope, day)).toBe('S001-01-20261123-10000');
  });

  it('dates the code on the store calendar, not UTC', () => {
    const lateEvening = new Date('2026-11-23T23:30:00Z');
    expect(calendarDay(lateEvening, 'Europe/Amsterdam')).toBe('20261124');
    expect(calendarDay(lateEvening, 'America/New_York')).toBe('20261123');
  });
});
