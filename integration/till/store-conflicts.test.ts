import { afterAll, beforeAll, expect, it } from 'vitest';
import { databasePath, openStore } from '../../src-main/store';
import { basketRequest, item } from '../../test-support/engine/baskets';
import { call, loginAs } from '../../test-support/engine/client';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';
import { startHttpProxy, type HttpProxy } from '../../test-support/till/http-proxy';
import { queueOfflineSale, TEST_TILL } from '../../test-support/till/queued-sale';
import {
  startTestTill,
  tempDir,
  TILL_ONE,
  TILL_TWO,
  valueOf,
  type TestTill,
} from '../../test-support/till/till-harness';

const MANAGER = { username: 'manager-s001', password: 'demo-manager' };
const WON = 'S001-01-20261203-0001';
const LOST = 'S001-02-20261203-0001';

describeEachDatabase('a sync conflict seen store-wide, from the engine', (database) => {
  let engine: TestEngine;
  let proxy: HttpProxy;
  let first: TestTill;
  let second: TestTill;
  let code = '';

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
    proxy = await startHttpProxy(engine.url);
    code = engine.demo?.honourCodes[2] ?? '';
    const { voucher_key: voucherKey } = await engine.db.kysely
      .selectFrom('vouchers')
      .select('voucher_key')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    // terminal 02 sold the honour voucher offline; its sale waits in its outbox …
    const dataDir = tempDir('till-two-');
    const opened = openStore(databasePath(dataDir));
    if (!opened.ok) throw new Error(opened.error.message);
    queueOfflineSale(opened.value, {
      basketCode: LOST,
      confirmedAt: new Date(),
      honour: { voucherKey, code },
      till: { ...TEST_TILL, terminalId: '02' },
    });
    opened.value.close();
    // … while terminal 01's sale redeemed it on the engine first
    const session = await loginAs(engine.url, 'till-s001-01', 'demo-till');
    const request = basketRequest(WON, [item('coffee', 2.5)], {
      member: null,
      vouchers: [{ voucher_code: code }],
    });
    const won = await call(engine.url, '/auth/add-basket', {
      json: { ...request, entity: { ...request.entity, employee_code: '01' } },
      session,
    });
    expect(won.status).toBe(200);
    first = await startTestTill(proxy.url, TILL_ONE);
    second = await startTestTill(engine.url, TILL_TWO, dataDir);
    await second.till.sync.syncNow();
  });
  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
    await proxy.stop();
    await engine.close();
  });

  it('a manager at terminal 01 sees the conflict terminal 02 lost, and acknowledges it with a note', async () => {
    expect(valueOf(await second.send('status/get', {})).conflictsOpen).toBe(1);
    expect(valueOf(await first.send('status/get', {})).conflictsOpen).toBe(0);
    valueOf(await first.send('manager/sign-in', MANAGER));
    const listed = valueOf(await first.send('manager/conflicts', {}));
    expect(listed).toMatchObject({ source: 'store', unreachable: null });
    expect(listed.conflicts).toEqual([
      expect.objectContaining({
        source: 'store',
        storeCode: 'S001',
        terminalId: '02',
        basketCode: LOST,
        reason: 'voucher_already_redeemed',
        voucherRef: code,
        winner: { basketCode: WON, storeCode: 'S001', terminalId: '01' },
        acknowledgedAt: null,
        note: null,
      }),
    ]);
    const [conflict] = listed.conflicts;
    if (!conflict) return;

    const acknowledged = valueOf(
      await first.send('manager/acknowledge-conflict', {
        conflictId: conflict.id,
        note: 'customer came back, told them',
      }),
    );
    expect(acknowledged).toMatchObject({
      id: conflict.id,
      acknowledgedBy: MANAGER.username,
      note: 'customer came back, told them',
      acknowledgedAt: expect.any(String) as unknown,
    });
    expect(
      await first.send('manager/acknowledge-conflict', { conflictId: conflict.id, note: 'again' }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const audit = valueOf(await first.send('manager/audit-log', {}));
    expect(audit[0]).toMatchObject({
      action: 'acknowledge_sync_conflict',
      basketCode: LOST,
      voucherCode: code,
      detail: 'customer came back, told them',
    });
  });

  it('terminal 02 lists it acknowledged, with the note, and its own count settles', async () => {
    valueOf(await second.send('manager/sign-in', MANAGER));
    const listed = valueOf(await second.send('manager/conflicts', {}));
    expect(listed.conflicts).toEqual([
      expect.objectContaining({
        basketCode: LOST,
        acknowledgedBy: MANAGER.username,
        note: 'customer came back, told them',
      }),
    ]);
    expect(valueOf(await second.send('status/get', {})).conflictsOpen).toBe(0);
  });

  it('with the engine away, the till’s own list is shown, marked as its own', async () => {
    valueOf(await first.send('manager/sign-in', MANAGER));
    proxy.injectFault({ kind: 'bad-gateway' });
    try {
      const listed = valueOf(await first.send('manager/conflicts', {}));
      expect(listed).toMatchObject({ source: 'till', conflicts: [] });
      expect(listed.unreachable).toEqual(expect.any(String));
    } finally {
      proxy.liftFault();
    }
  });
});
