import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tillVersion } from '../../src-main/engine-client';
import { DATABASES, startTestEngine, type TestEngine } from '../../test-support/engine/harness';
import { storedBaskets } from '../../test-support/engine/snapshot';
import { startFakeEngine, type FakeEngine } from '../../test-support/till/fake-engine';
import type { HttpFault } from '../../test-support/till/http-faults';
import {
  startProxiedTill,
  TILL_ONE,
  valueOf,
  type ProxiedTill,
  type TestTill,
} from '../../test-support/till/till-harness';

const CROISSANT = '8712345000134';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The status bar polls status/get every second; the core must have changed within the rest of 5 s. */
const CORE_STATUS_BUDGET_MS = 4_000;

/** Polls `check` every 50 ms until it holds; the time it took, or a failure past `limitMs`. */
async function within(
  limitMs: number,
  check: () => Promise<boolean>,
  what: string,
): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > limitMs) throw new Error(`not within ${limitMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - started;
}

// What this checks is the till's client and queue against a real engine behind a real proxy;
// the engine's database plays no part, so it runs on SQLite only.
describe('the till against an engine that answers badly', () => {
  const [sqlite] = DATABASES;
  const engineLog: Record<string, unknown>[] = [];
  let engine: TestEngine;
  let proxied: ProxiedTill;
  let till: TestTill;
  /** Where the redirect points: it must never be called. */
  let elsewhere: FakeEngine;

  beforeAll(async () => {
    if (!sqlite) throw new Error('no SQLite test database');
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean))
          engineLog.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    engine = await startTestEngine(sqlite, { demo: true, log: pino({ level: 'info' }, sink) });
    elsewhere = await startFakeEngine(() => ({ status: 200, json: { status: 'ok' } }));
    proxied = await startProxiedTill(engine.url, TILL_ONE, {
      // an answer that is 3.5 s late misses the confirm, not the outbox's replay
      timeouts: { confirmMs: 2000 },
    });
    till = proxied.till;
    await till.till.sync.syncNow();
  });
  afterAll(async () => {
    proxied.proxy.liftFault();
    await proxied.close();
    await elsewhere.close();
    await engine.close();
  });

  const status = async () => valueOf(await till.send('status/get', {}));
  const isOnline = async () => (await status()).online;
  const sellCroissant = async () => {
    const { saleId, basketCode } = valueOf(await till.send('sale/start', {}));
    const view = valueOf(await till.send('sale/scan', { saleId, code: CROISSANT }));
    const receipt = valueOf(await till.send('sale/confirm', { saleId }));
    return { basketCode, view, receipt };
  };

  const faults: [string, () => HttpFault][] = [
    ['an HTML 502 from a load balancer', () => ({ kind: 'bad-gateway' })],
    ['a 500 with the engine envelope', () => ({ kind: 'server-error', envelope: true })],
    ['JSON cut short (the engine did the work)', () => ({ kind: 'malformed-json' })],
    ['a 200 of the wrong shape (the engine did the work)', () => ({ kind: 'wrong-shape' })],
    ['a redirect to another address', () => ({ kind: 'redirect', to: elsewhere.url })],
  ];

  it.each(faults)(
    '%s: an item-only sale is priced and confirmed on the till, queued, and synced exactly once when the engine is back',
    async (_name, fault) => {
      proxied.proxy.injectFault(fault());
      const { basketCode, view, receipt } = await sellCroissant();
      expect(view.pricedBy).toBe('local');
      expect(receipt).toMatchObject({ basketCode, syncState: 'queued', totals: { gross: 145 } });
      await within(CORE_STATUS_BUDGET_MS, async () => !(await isOnline()), 'offline');

      proxied.proxy.liftFault();
      await within(CORE_STATUS_BUDGET_MS, isOnline, 'online again');
      await within(15_000, async () => (await status()).salesWaiting === 0, 'the sale synced');
      expect(await storedBaskets(engine.db.kysely, basketCode)).toHaveLength(1);
      expect(valueOf(await till.send('receipt/get', { basketCode }))).toMatchObject({
        syncState: 'synced',
      });
      // the redirect's target never heard from the till: no session key, no basket
      expect(elsewhere.requests).toEqual([]);
    },
  );

  it('a black hole: Offline within the budget with no sale going on, Online within it once the engine is back', async () => {
    await within(CORE_STATUS_BUDGET_MS, isOnline, 'online to begin with');
    proxied.proxy.injectFault({ kind: 'black-hole' });
    const wentOffline = await within(
      CORE_STATUS_BUDGET_MS,
      async () => !(await isOnline()),
      'offline',
    );
    proxied.proxy.liftFault();
    const cameBack = await within(CORE_STATUS_BUDGET_MS, isOnline, 'online again');
    // the figures, for the record; the bounds are the ones asserted above
    console.info(`black hole: offline after ${wentOffline} ms, online again after ${cameBack} ms`);
  });

  it('a confirm whose answer is 3.5 s late goes to the outbox and is settled by one replay, not re-sent every few seconds', async () => {
    await within(CORE_STATUS_BUDGET_MS, isOnline, 'online to begin with');
    const sentBefore = proxied.proxy.calls('/auth/add-basket');
    proxied.proxy.injectFault({ kind: 'delay', ms: 3_500 }, ['/auth/add-basket']);
    const { basketCode, receipt } = await sellCroissant();
    expect(receipt.syncState).toBe('queued');
    // the health check answers at once: the engine is slow, not away
    expect(await isOnline()).toBe(true);
    await within(20_000, async () => (await status()).salesWaiting === 0, 'the sale synced');
    // a few seconds more, in which nothing may be sent again
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(proxied.proxy.calls('/auth/add-basket') - sentBefore).toBe(2);
    expect(await storedBaskets(engine.db.kysely, basketCode)).toHaveLength(1);
    proxied.proxy.liftFault();
  });

  it("every call carries a fresh request id and the till's user agent, and the engine logs both", async () => {
    engineLog.length = 0;
    await sellCroissant();
    const requests = engineLog.filter((line) => line.msg === 'request');
    expect(requests.map((line) => line.path)).toEqual(
      expect.arrayContaining(['/auth/get-basket-price', '/auth/add-basket']),
    );
    for (const line of requests) {
      expect(line.userAgent).toBe(`voucher-till/${tillVersion()} (S001-01)`);
      expect(line.requestId).toMatch(UUID);
    }
    const ids = requests.map((line) => line.requestId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
