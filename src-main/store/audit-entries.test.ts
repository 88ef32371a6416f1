import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, listAudit, type NewAuditEntry } from './audit';
import { openTempStore, type TempStore } from '../../test-support/till/temp-store';

let store: TempStore | undefined;
afterEach(() => {
  store?.dispose();
  store = undefined;
});

const entry = (at: string, overrides: Partial<NewAuditEntry> = {}): NewAuditEntry => ({
  at: new Date(at),
  actor: 'manager-s001',
  action: 'unlock_voucher',
  voucherKey: 'a'.repeat(64),
  voucherCode: 'HONOUR-COFFEE-0004',
  basketCode: 'S001-02-20261123-0007',
  subject: null,
  detail: 'Till crashed',
  ...overrides,
});

describe('the audit log', () => {
  it('keeps the voucher code and the subject beside the words, and reads plain entries as they were', () => {
    store = openTempStore();
    const { db } = store;
    appendAudit(db, entry('2026-11-23T10:00:00Z'));
    appendAudit(
      db,
      entry('2026-11-23T11:00:00Z', {
        action: 'acknowledge_sync_conflict',
        voucherKey: null,
        subject: 'voucher_already_redeemed',
        detail: '',
      }),
    );
    appendAudit(
      db,
      entry('2026-11-23T12:00:00Z', { voucherKey: null, voucherCode: null, detail: '{not json' }),
    );
    // an entry of an older till: its detail column holds plain words
    appendAudit(db, {
      at: new Date('2026-11-23T13:00:00Z'),
      actor: 'terminal:01',
      action: 'sale_voided_after_restart',
      voucherKey: null,
      voucherCode: null,
      basketCode: 'B',
      subject: null,
      detail: 'the till stopped',
    });

    expect(
      listAudit(db).map(({ action, voucherCode, subject, detail }) => ({
        action,
        voucherCode,
        subject,
        detail,
      })),
    ).toEqual([
      {
        action: 'sale_voided_after_restart',
        voucherCode: null,
        subject: null,
        detail: 'the till stopped',
      },
      { action: 'unlock_voucher', voucherCode: null, subject: null, detail: '{not json' },
      {
        action: 'acknowledge_sync_conflict',
        voucherCode: 'HONOUR-COFFEE-0004',
        subject: 'voucher_already_redeemed',
        detail: '',
      },
      {
        action: 'unlock_voucher',
        voucherCode: 'HONOUR-COFFEE-0004',
        subject: null,
        detail: 'Till crashed',
      },
    ]);
  });

  it('gives one day on the till’s calendar, and one voucher code in any case', () => {
    store = openTempStore();
    const { db } = store;
    // 23:30 UTC on the 22nd is the 23rd in Amsterdam; 23:30 UTC on the 23rd is the 24th there
    appendAudit(db, entry('2026-11-22T23:30:00Z', { detail: 'early on the 23rd' }));
    appendAudit(db, entry('2026-11-23T12:00:00Z', { voucherCode: 'OTHER-1', detail: 'noon' }));
    appendAudit(db, entry('2026-11-23T23:30:00Z', { detail: 'early on the 24th' }));
    const details = (filter: Parameters<typeof listAudit>[1]) =>
      listAudit(db, filter).map((found) => found.detail);

    const amsterdam = { date: '2026-11-23', timezone: 'Europe/Amsterdam' };
    expect(details({ day: amsterdam })).toEqual(['noon', 'early on the 23rd']);
    expect(details({ day: { date: '2026-11-23', timezone: 'UTC' } })).toEqual([
      'early on the 24th',
      'noon',
    ]);
    expect(details({ voucherCode: 'honour-coffee-0004' })).toEqual([
      'early on the 24th',
      'early on the 23rd',
    ]);
    expect(details({ day: amsterdam, voucherCode: 'HONOUR-COFFEE-0004' })).toEqual([
      'early on the 23rd',
    ]);
    expect(details({ day: amsterdam, limit: 1 })).toEqual(['noon']);
    expect(details({ limit: 2 })).toEqual(['early on the 24th', 'noon']);
    expect(details({ voucherCode: 'NOBODY' })).toEqual([]);
  });
});
