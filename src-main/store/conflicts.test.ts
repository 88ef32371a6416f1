import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  acknowledgeConflict,
  countOpenConflicts,
  findConflict,
  listConflicts,
  recordConflict,
} from './conflicts';
import { queueOfflineSale } from '../../test-support/till/queued-sale';
import { openTempStore, type TempStore } from '../../test-support/till/temp-store';

let store: TempStore;
beforeEach(() => {
  store = openTempStore();
  queueOfflineSale(store.db, { basketCode: CODE, confirmedAt: new Date(0) });
});
afterEach(() => {
  store.dispose();
});

const CODE = 'S001-01-20261123-0001';
const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 10, minute));
const conflict = (minute: number, voucherRef: string | null = 'HONOUR-COFFEE-0001') => ({
  basketCode: CODE,
  reason: 'voucher_already_redeemed',
  message: 'This voucher has already been used.',
  voucherRef,
  createdAt: at(minute),
});

describe('sync conflicts', () => {
  it('lists open ones oldest first, then acknowledged ones newest first', () => {
    const a = recordConflict(store.db, conflict(1));
    const b = recordConflict(store.db, conflict(2, null));
    const c = recordConflict(store.db, conflict(3));
    const d = recordConflict(store.db, conflict(4));
    expect(acknowledgeConflict(store.db, a, 'manager-s001', at(10))).toBe(true);
    expect(acknowledgeConflict(store.db, c, 'manager-s001', at(11))).toBe(true);
    expect(listConflicts(store.db).map((row) => row.id)).toEqual([b, d, c, a]);
    expect(countOpenConflicts(store.db)).toBe(2);
    expect(findConflict(store.db, a)).toEqual({
      id: a,
      ...conflict(1),
      acknowledgedAt: at(10),
      acknowledgedBy: 'manager-s001',
    });
  });

  it('acknowledges once, and not a conflict that does not exist', () => {
    const id = recordConflict(store.db, conflict(1));
    expect(acknowledgeConflict(store.db, id, 'manager-s001', at(2))).toBe(true);
    expect(acknowledgeConflict(store.db, id, 'someone-else', at(3))).toBe(false);
    expect(findConflict(store.db, id)?.acknowledgedBy).toBe('manager-s001');
    expect(acknowledgeConflict(store.db, 999, 'manager-s001', at(3))).toBe(false);
    expect(findConflict(store.db, 999)).toBeUndefined();
  });
});
