import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAccount, createStore } from '../../src-engine/domain/admin';
import { expectOk } from '../../src-engine/domain/refusal';
import {
  syncConflictListSchema,
  syncConflictObjectSchema,
  syncConflictReportAnswerSchema,
  type SyncConflictObject,
} from '../../src-shared/wire';
import { basketRequest, item } from '../../test-support/engine/baskets';
import { call, isRecord, loginAs, type Session } from '../../test-support/engine/client';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';

const WINNER = 'S001-02-20261203-0001';
const LOSER = 'S001-01-20261203-0001';

describeEachDatabase('the store’s sync conflicts on the engine', (database) => {
  let engine: TestEngine;
  let till: Session;
  let manager: Session;
  let otherManager: Session;
  let honourCode = '';

  const report = (conflicts: unknown[], session: Session = till, tillId = 'S001-01') =>
    call(engine.url, '/sync/conflicts', { json: { till_id: tillId, conflicts }, session });
  const list = async (session: Session = manager): Promise<SyncConflictObject[]> => {
    const answer = await call(engine.url, '/sync/conflicts', { session });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return syncConflictListSchema.parse(answer.body.results).conflicts;
  };
  const acknowledge = (id: number, note: string, session: Session = manager) =>
    call(engine.url, `/sync/conflicts/${String(id)}/acknowledge`, { json: { note }, session });
  const lostVoucher = (occurredAt = 1_764_770_000_000) => ({
    basket_code: LOSER,
    reason: 'voucher_already_redeemed',
    message: 'voucher FREE-COFFEE was already redeemed',
    voucher_ref: honourCode,
    occurred_at: occurredAt,
  });

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
    const db = engine.db.kysely;
    expectOk(await createStore(db, { chainId: 1, code: 'S002', name: 'Second store' }));
    const account = {
      chainId: 1,
      username: 'manager-s002',
      role: 'manager',
      storeCode: 'S002',
    } as const;
    expectOk(await createAccount(db, { ...account, password: 'manager-s002-pw' }, Date.now()));
    till = await loginAs(engine.url, 'till-s001-01', 'demo-till');
    manager = await loginAs(engine.url, 'manager-s001', 'demo-manager');
    otherManager = await loginAs(engine.url, 'manager-s002', 'manager-s002-pw');
    honourCode = engine.demo?.honourCodes[0] ?? '';
    // terminal 02 redeems the honour voucher first
    const request = basketRequest(WINNER, [item('SKU-1', 4.5)], {
      member: null,
      vouchers: [{ voucher_code: honourCode }],
    });
    const won = await call(engine.url, '/auth/add-basket', {
      json: { ...request, entity: { ...request.entity, employee_code: '02' } },
      session: till,
    });
    expect(won.status, JSON.stringify(won.body)).toBe(200);
  });
  afterAll(async () => engine.close());

  it('keeps a reported conflict with its store, terminal, voucher code and the basket that won', async () => {
    const answer = await report([lostVoucher()]);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const results = syncConflictReportAnswerSchema.parse(answer.body.results);
    expect(results.recorded).toBe(1);
    expect(results.conflicts).toEqual([
      expect.objectContaining({
        store_code: 'S001',
        terminal_id: '01',
        basket_code: LOSER,
        reason: 'voucher_already_redeemed',
        voucher_code: honourCode,
        winner_basket_code: WINNER,
        winner_store_code: 'S001',
        winner_terminal_id: '02',
        occurred_at: 1_764_770_000_000,
        acknowledged_at: null,
      }),
    ]);
  });

  it('records a conflict once per basket and voucher, however often it is reported', async () => {
    const [first] = await list();
    const again = await report([lostVoucher(1_764_770_999_999)]);
    expect(again.status).toBe(200);
    const results = syncConflictReportAnswerSchema.parse(again.body.results);
    expect(results.recorded).toBe(0);
    expect(results.conflicts[0]?.id).toBe(first?.id);
    expect(results.conflicts[0]?.occurred_at).toBe(1_764_770_000_000);
    expect(await list()).toHaveLength(1);
  });

  it('names the voucher by its code when the till knew only its key', async () => {
    const answer = await call(engine.url, '/get-vouchers', {
      query: { chain_id: 1, show_all_statuses: 'true', number_results: 500 },
      session: manager,
    });
    const vouchers =
      isRecord(answer.body.results) && Array.isArray(answer.body.results.vouchers)
        ? answer.body.results.vouchers
        : [];
    const found: unknown = vouchers.find(
      (voucher: unknown) => isRecord(voucher) && voucher.voucher_code === honourCode,
    );
    const key = isRecord(found) && typeof found.voucher_key === 'string' ? found.voucher_key : '';
    expect(key).not.toBe('');
    const byKey = await report([{ ...lostVoucher(), voucher_ref: key }]);
    const results = syncConflictReportAnswerSchema.parse(byKey.body.results);
    expect(results.recorded).toBe(0);
    expect(results.conflicts[0]?.voucher_code).toBe(honourCode);
  });

  it('keeps a conflict about the sale itself, with no voucher', async () => {
    const refused = {
      basket_code: 'S001-01-20261203-0002',
      reason: 'rejected_by_engine',
      message: 'a different basket was already stored under S001-01-20261203-0002',
      voucher_ref: null,
      occurred_at: 1_764_770_100_000,
    };
    const answer = await report([refused, refused]);
    expect(answer.status).toBe(200);
    const results = syncConflictReportAnswerSchema.parse(answer.body.results);
    expect(results.recorded).toBe(1);
    expect(results.conflicts[0]).toMatchObject({ voucher_code: null, winner_basket_code: null });
    expect((await list()).map((conflict) => conflict.reason)).toEqual([
      'voucher_already_redeemed',
      'rejected_by_engine',
    ]);
  });

  it('lists a store’s conflicts to its manager only', async () => {
    expect(await list(otherManager)).toEqual([]);
    const reach = await call(engine.url, '/sync/conflicts', {
      query: { store_code: 'S001' },
      session: otherManager,
    });
    expect(reach.status).toBe(403);
    const asTill = await call(engine.url, '/sync/conflicts', { session: till });
    expect(asTill.status).toBe(403);
  });

  it('acknowledges with the manager’s name, the time and the note; a second time is a 409', async () => {
    const [conflict] = await list();
    if (!conflict) throw new Error('no conflict listed');
    const notFound = await acknowledge(conflict.id, 'not mine', otherManager);
    expect(notFound.status).toBe(404);
    expect(notFound.body.error).toMatchObject({ code: 1500, name: 'sync_conflict_not_found' });

    const answer = await acknowledge(conflict.id, '  Told the customer.  ');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const results = isRecord(answer.body.results) ? answer.body.results : {};
    const acknowledged = syncConflictObjectSchema.parse(results.conflict);
    expect(acknowledged).toMatchObject({
      id: conflict.id,
      acknowledged_by: 'manager-s001',
      acknowledgement_note: 'Told the customer.',
    });
    expect(acknowledged.acknowledged_at).toEqual(expect.any(Number));

    const twice = await acknowledge(conflict.id, 'again');
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({
      code: 1501,
      name: 'sync_conflict_already_acknowledged',
    });
    const listed = await list();
    // the open one first, then the acknowledged one, its first note kept
    expect(listed.map((row) => [row.reason, row.acknowledgement_note])).toEqual([
      ['rejected_by_engine', null],
      ['voucher_already_redeemed', 'Told the customer.'],
    ]);
  });

  it('refuses bad input with a 4xx naming what is wrong', async () => {
    const noSuch = await acknowledge(999_999, '');
    expect(noSuch.status).toBe(404);
    const badId = await call(engine.url, '/sync/conflicts/abc/acknowledge', {
      json: {},
      session: manager,
    });
    expect(badId.status).toBe(400);
    const longNote = await acknowledge(1, 'x'.repeat(501));
    expect(longNote.status).toBe(400);
    expect(JSON.stringify(longNote.body)).toContain('note');
    const badReason = await report([{ ...lostVoucher(), reason: 'Not A Code' }]);
    expect(badReason.status).toBe(400);
    expect(JSON.stringify(badReason.body)).toContain('conflicts[0].reason');
    const empty = await report([]);
    expect(empty.status).toBe(400);
    const otherStore = await report([lostVoucher()], till, 'S002-01');
    expect(otherStore.status).toBe(403);
  });
});
