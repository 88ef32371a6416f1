import { afterEach, beforeEach, expect, it } from 'vitest';
import { loginAs } from '../../test-support/engine/client';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';
import { createEngineClient, type EngineClient } from '../../src-main/engine-client';
import { DEMO, demoBasket } from '../../test-support/till/demo-baskets';

/** A log that keeps its messages, to count logins. */
function recordingLog() {
  const messages: string[] = [];
  const keep = (_details: Record<string, unknown>, message: string) => {
    messages.push(message);
  };
  return { messages, info: keep, warn: keep };
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

    const priced = await client.getBasketPrice(demoBasket('S001-01-EC-0001'));
    if (!priced.ok) throw new Error(priced.error.message);
    expect(priced.warnings).toEqual([]);
    const basket = priced.value.basket;
    expect(basket.basket_vouchers.map((voucher) => voucher.voucher_code).sort()).toEqual([
      'DEMO-10PCT',
      'DEMO-5EUR',
    ]);
    expect(basket.basket_vouchers.every((voucher) => voucher.voucher_locked)).toBe(true);
    expect(basket).toMatchObject({
      basket_total_price: 40,
      basket_total_discount: 9,
      basket_total_adjusted_price: 31,
    });
  });

  it('names an unknown voucher code in a voucher_not_found warning', async () => {
    const priced = await client.getBasketPrice(
      demoBasket('S001-01-EC-0006', { member: null, voucherCodes: ['NO-SUCH-CODE'] }),
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
    expect((await client.getBasketPrice(demoBasket('S001-01-EC-0002'))).ok).toBe(true);
    const second = createEngineClient({
      baseUrl: engine.url,
      credentials: DEMO.terminal,
      timeoutMs: 5_000,
    });

    const blocked = await second.getBasketPrice(demoBasket('S001-02-EC-0001'));
    if (!blocked.ok) throw new Error(blocked.error.message);
    expect(blocked.value.basket.basket_vouchers).toEqual([]);
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
    const priced = await client.getBasketPrice(demoBasket('S001-01-EC-0003'));
    if (!priced.ok) throw new Error(priced.error.message);
    // add-basket redeems the vouchers the basket names: the ones pricing applied
    const request = demoBasket('S001-01-EC-0003');
    request.basket.basket_vouchers = priced.value.basket.basket_vouchers.map((voucher) => ({
      voucher_key: voucher.voucher_key,
    }));

    const confirmed = await client.addBasket(request);
    if (!confirmed.ok) throw new Error(confirmed.error.message);
    expect(confirmed.value.replayed).toBe(false);
    expect(confirmed.value.vouchers_redeemed).toHaveLength(2);

    const replay = await client.addBasket(request);
    if (!replay.ok) throw new Error(replay.error.message);
    expect(replay.value).toMatchObject({
      replayed: true,
      basket: { basket_id: confirmed.value.basket.basket_id },
    });
  });

  it('logs in again once when another login of the account ends its session', async () => {
    expect((await client.getBasketPrice(demoBasket('S001-01-EC-0004'))).ok).toBe(true);
    await loginAs(engine.url, DEMO.terminal.username, DEMO.terminal.password);

    const again = await client.getBasketPrice(demoBasket('S001-01-EC-0004'));
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
    expect((await client.getBasketPrice(demoBasket('S001-01-EC-0005'))).ok).toBe(true);
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
    expect(stuck.voucher_retailer_basket_code_exclusive).toBe('S001-01-EC-0005');

    const refused = await client.unlockVoucher({
      voucherKey: stuck.voucher_key,
      reason: 'customer walked out',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: 'rejected', name: 'permission_denied_or_non_existent' },
    });

    const unlocked = await manager.value.unlockVoucher({
      voucherKey: stuck.voucher_key,
      reason: 'customer walked out',
    });
    expect(unlocked).toMatchObject({
      ok: true,
      value: { voucher_key: stuck.voucher_key, voucher_locked: false },
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
    expect(first.value.has_more).toBe(true);
    expect(first.value.changes.map((change) => change.voucher.voucher_type)).toEqual(
      Array(4).fill('honour'),
    );

    const rest = await client.syncHonourVouchers({ cursor: first.value.next_cursor, limit: 100 });
    if (!rest.ok) throw new Error(rest.error.message);
    expect(rest.value.has_more).toBe(false);
    const codes = [...first.value.changes, ...rest.value.changes].map(
      (change) => change.voucher.voucher_code,
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
