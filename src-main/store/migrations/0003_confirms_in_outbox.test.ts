import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { openTempStore, type TempStore } from '../test-support/temp-store';

let store: TempStore | undefined;
afterEach(() => {
  store?.dispose();
  store = undefined;
});

const OPEN = 'S001-01-20261123-0001';
const QUEUED = 'S001-01-20261123-0002';
const CONFIRMED = 'S001-01-20261123-0003';
const UNREADABLE = 'S001-01-20261123-0004';
const request = (code: string) => JSON.stringify({ basket: { retailer_basket_code: code } });

describe('migration 0003_confirms_in_outbox', () => {
  it('gives outbox entries a state and carries a pending confirm of an open sale into the outbox', () => {
    store = openTempStore(2);
    const { db } = store;
    const sale = db.prepare(
      `INSERT INTO sales (basket_code, state, currency, started_at, confirmed_at) VALUES (?, ?, 'EUR', 1, ?)`,
    );
    sale.run(OPEN, 'open', null);
    sale.run(QUEUED, 'confirmed', 2);
    sale.run(CONFIRMED, 'confirmed', 3);
    sale.run(UNREADABLE, 'open', null);
    db.prepare(
      `INSERT INTO outbox (basket_code, request, created_at, next_attempt_at) VALUES (?, ?, 2, 2)`,
    ).run(QUEUED, request(QUEUED));
    const key = db.prepare(`INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)`);
    key.run(`confirming:${OPEN}`, request(OPEN), 5);
    // stale: the sale was journaled (its queued entry written) before the key was cleared
    key.run(`confirming:${QUEUED}`, request(QUEUED), 4);
    key.run(`confirming:${CONFIRMED}`, request(CONFIRMED), 6);
    key.run(`confirming:${UNREADABLE}`, '{not json', 7);
    key.run('honour_cursor', '41', 8);

    expect(migrate(db, 3)).toEqual({ ok: true, value: { from: 2, to: 3 } });

    expect(
      db
        .prepare(
          'SELECT basket_code, state, request, created_at, next_attempt_at, attempts FROM outbox ORDER BY id',
        )
        .all(),
    ).toEqual([
      {
        basket_code: QUEUED,
        state: 'queued',
        request: request(QUEUED),
        created_at: 2,
        next_attempt_at: 2,
        attempts: 0,
      },
      {
        basket_code: OPEN,
        state: 'interrupted',
        request: request(OPEN),
        created_at: 5,
        next_attempt_at: 5,
        attempts: 0,
      },
    ]);
    expect(db.prepare('SELECT key, value FROM sync_state').all()).toEqual([
      { key: 'honour_cursor', value: '41' },
    ]);
    expect(() =>
      db.prepare(`UPDATE outbox SET state = 'sent' WHERE basket_code = ?`).run(QUEUED),
    ).toThrow(/CHECK constraint failed/);
  });
});
