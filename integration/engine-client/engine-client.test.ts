import { afterEach, beforeEach, expect, it } from 'vitest';
import { MAX_SESSIONS_PER_ACCOUNT } from '../../src-engine/domain/accounts';
import { loginAs } from '../../test-support/engine/client';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';
import {
  createEngineClient,
  encodeAddBasket,
  type EngineClient,
} from '../../src-main/engine-client';
import { DEMO, DEMO_TILL, demoSale } from '../../test-support/till/demo-baskets';

/** A log that keeps its messages, to count logins. */
function recordingLog() {
  const messages: string[] = [];
  const keep = (_details: Record<string, unknown>, message: string) => {
    messages.push(message);
  };
  return { messages, info: keep, warn: keep, error: keep };
}

describeEachDatabase('the till’s engine client against a real engine', (database) => {
  let engine: TestEngine;
  let clock: number;
  let log: ReturnType<typeof recordingLog>;
  let client: EngineClient;

  beforeEach(async () => {
    clock = Date.now();
    engine = await startTestEngine(database, {
      demo: true,
      sessionSeconds: 600,
      now: () => clock,
    });
    log = recordingLog();
    client = createEngineClient({
      baseUrl: engine.url,
      credentials: DEMO.terminal,
      timeoutMs: 5_000,
      log,
    });
  });
  afterEach(async () => engine.close());

  it('logs in and prices the member’s basket with both claimed vouchers, without warnings', async () => {
    const login = await client.login();
    expect(login).toMatchObject({ ok: true, value: { role: 'terminal' } });

    const priced = await client.getBasketPrice(demoSale('S001-01-EC-0001'), DEMO_TILL);
    if (!priced.ok) throw new Error(priced.error.message);
    expect(priced.warnings).toEqual([]);
    const basket = priced.value;
    expect(basket.vouchers.map((voucher) => voucher.code).sort()).toEqual([
      'DEMO-10PCT',
      'DEMO-5EUR',
    ]);
    expect(basket.vouchers.every((voucher) => voucher.locked)).toBe(true);
    // 40.00, 9.00 off, 31.00 to pay: in minor units, as the till keeps amounts
    expect(basket.totals).toEqual({ gross: 4000, discount: 900, net: 3100 });
  });

  it('names an unknown voucher code in a voucher_not_found warning', async () => {
    const priced = await client.getBasketPrice(
      demoSale('S001-01-EC-0006', { member: null, voucherCodes: ['NO-SUCH-CODE'] }),
      DEMO_TILL,
    );
    expect(priced).toMatchObject({
      ok: true,
      warnings: [
        {
          code: 'voucher_not_found',
          subject: 'NO-SUCH-CODE',
          message: 'No voucher with this code exists.',
        },
      ],
    });
  });

  it('reports a voucher held by another basket as voucher_locked, with the lock’s end', async () => {
    expect((await client.getBasketPrice(demoSale('S001-01-EC-0002'), DEMO_TILL)).ok).toBe(true);
    const second = createEngineClient({
      baseUrl: engine.url,
      credentials: DEMO.terminal,
      timeoutMs: 5_000,
    });

    const blocked = await second.getBasketPrice(demoSale('S001-02-EC-0001'), DEMO_TILL);
    if (!blocked.ok) throw new Error(blocked.error.message);
    expect(blocked.value.vouchers).toEqual([]);
    expect(blocked.warnings).toHaveLength(2);
    for (const warning of blocked.warnings) {
      expect(warning).toMatchObject({
        code: 'voucher_locked',
        name: 'voucher_locked',
        message: 'This voucher is held for another sale.',
      });
      expect(warning.voucherKey).toMatch(/^[0-9a-f]{64}$/);
      // the wire's whole seconds: the demo's 300 s lock period from the engine's clock
      expect(warning.lockedUntil).toBe(Math.floor(clock / 1000) * 1000 + 300_000);
    }
  });

  it('confirms with add-basket, and a replay redeems nothing twice', async () => {
    const priced = await client.getBasketPrice(demoSale('S001-01-EC-0003'), DEMO_TILL);
    if (!priced.ok) throw new Error(priced.error.message);
    // add-basket redeems the vouchers the basket names: the ones pricing applied
    const request = encodeAddBasket(
      demoSale('S001-01-EC-0003'),
      DEMO_TILL,
      priced.value.vouchers.map((voucher) => voucher.key),
      clock,
    );

    const confirmed = await client.addBasket(request);
    if (!confirmed.ok) throw new Error(confirmed.error.message);
    expect(confirmed.value.replayed).toBe(false);
    expect(confirmed.value.redeemedKeys).toHaveLength(2);

    const replay = await client.addBasket(request);
    if (!replay.ok) throw new Error(replay.error.message);
    expect(replay.value).toMatchObject({
      replayed: true,
      basketId: confirmed.value.basketId,
    });
  });

  it('logs in again once when other logins of the account push its session out', async () => {
    expect((await client.getBasketPrice(demoSale('S001-01-EC-0004'), DEMO_TILL)).ok).toBe(true);
    for (let login = 0; login < MAX_SESSIONS_PER_ACCOUNT; login += 1)
      await loginAs(engine.url, DEMO.terminal.username, DEMO.terminal.password);

    const again = await client.getBasketPrice(demoSale('S001-01-EC-0004'), DEMO_TILL);
    expect(again).toMatchObject({ ok: true, warnings: [] });
    expect(log.messages).toEqual([
      'logging in to the voucher engine',
      'the engine session ended; logging in again',
    ]);
  });

  it('logs in again once when the session has expired', async () => {
    expect((await client.syncHonourVouchers({ cursor: 0, limit: 1 })).ok).toBe(true);
    clock += 601_000;

    expect((await client.syncHonourVouchers({ cursor: 0, limit: 1 })).ok).toBe(true);
    expect(log.messages.filter((message) => message.includes('logging in again'))).toHaveLength(1);
  });

  it('unlocks a stuck voucher through a manager session; the terminal is refused', async () => {
    expect((await client.getBasketPrice(demoSale('S001-01-EC-0005'), DEMO_TILL)).ok).toBe(true);
    const manager = await client.managerLogin(DEMO.manager.username, DEMO.manager.password);
    if (!manager.ok) throw new Error(manager.error.message);

    const locked = await manager.value.getVouchers({
      chainId: DEMO.chainId,
      locked: true,
      storeCode: DEMO.storeCode,
    });
    if (!locked.ok) throw new Error(locked.error.message);
    expect(locked.value.total).toBe(2);
    const stuck = locked.value.vouchers[0];
    if (!stuck) throw new Error('no locked voucher listed');
    expect(stuck.lockBasketCode).toBe('S001-01-EC-0005');

    const refused = await client.unlockVoucher({
      voucherKey: stuck.key,
      reason: 'customer walked out',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: 'rejected', name: 'permission_denied_or_non_existent' },
    });

    const unlocked = await manager.value.unlockVoucher({
      voucherKey: stuck.key,
      reason: 'customer walked out',
    });
    expect(unlocked).toMatchObject({
      ok: true,
      value: { key: stuck.key, locked: false },
    });

    expect(await manager.value.signOut()).toMatchObject({ ok: true });
    const afterSignOut = await client
      .withSession(manager.value.session)
      .getVouchers({ chainId: DEMO.chainId });
    expect(afterSignOut).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
  });

  it('refuses a manager with a wrong password as unauthorized', async () => {
    const manager = await client.managerLogin(DEMO.manager.username, 'not-the-password');
    expect(manager).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
  });

  it('pages through the honour-voucher change feed', async () => {
    const first = await client.syncHonourVouchers({ cursor: 0, limit: 4 });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.changes).toHaveLength(4);
    expect(first.value.hasMore).toBe(true);
    expect(first.value.changes.map((change) => change.voucher.type)).toEqual(
      Array(4).fill('honour'),
    );

    const rest = await client.syncHonourVouchers({ cursor: first.value.nextCursor, limit: 100 });
    if (!rest.ok) throw new Error(rest.error.message);
    expect(rest.value.hasMore).toBe(false);
    const codes = [...first.value.changes, ...rest.value.changes].map(
      (change) => change.voucher.code,
    );
    expect(codes).toHaveLength(10);
    expect(codes).toContain('HONOUR-COFFEE-0010');
  });

  it('measures the engine’s health, latency and clock', async () => {
    const health = await client.health();
    if (!health.ok) throw new Error(health.error.message);
    expect(health.value).toMatchObject({ healthy: true, httpStatus: 200 });
    expect(health.value.latencyMs).toBeGreaterThanOrEqual(0);
    expect(Math.abs(health.value.clockSkewMs ?? Infinity)).toBeLessThan(2_000);
  });
});
