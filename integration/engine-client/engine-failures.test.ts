import { afterEach, describe, expect, it } from 'vitest';
import { API_VERSION } from '../../src-shared/wire';
import { createEngineClient, encodeAddBasket, tillUserAgent } from '../../src-main/engine-client';
import { DEMO, DEMO_TILL, demoSale } from '../../test-support/till/demo-baskets';
import {
  closedPort,
  loginOk,
  ok,
  refusal,
  startFakeEngine,
  type FakeAnswer,
  type FakeEngine,
} from '../../test-support/till/fake-engine';

const TIMEOUT_MS = 300;

describe('the engine client when the engine misbehaves', () => {
  let fake: FakeEngine | null = null;
  afterEach(async () => {
    await fake?.close();
    fake = null;
  });

  const clientOf = (baseUrl: string) =>
    createEngineClient({ baseUrl, credentials: DEMO.terminal, timeoutMs: TIMEOUT_MS });

  const fakeWith = async (answer: (method: string, path: string) => FakeAnswer) => {
    fake = await startFakeEngine(answer);
    return fake;
  };

  it('reports a closed port as unreachable', async () => {
    const client = clientOf(`http://127.0.0.1:${await closedPort()}`);
    const outcome = await client.getBasketPrice(demoSale('S001-01-FX-0001'), DEMO_TILL);
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
    expect(await client.health()).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
  });

  it('gives up on an engine that holds the request, within the timeout', async () => {
    const engine = await fakeWith((_method, path) => (path === '/auth/login' ? loginOk() : 'hold'));
    const client = clientOf(engine.url);
    expect((await client.login()).ok).toBe(true);

    // the held request would never end: getting an answer at all proves the timeout fired
    const outcome = await client.getBasketPrice(demoSale('S001-01-FX-0002'), DEMO_TILL);
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
    expect(outcome.ok ? '' : outcome.error.message).toContain(
      `did not answer within ${TIMEOUT_MS} ms`,
    );
  });

  it('names the field of an answer with a wrong type', async () => {
    const engine = await fakeWith((_method, path) =>
      path === '/auth/login'
        ? loginOk()
        : ok({ changes: [], next_cursor: 'seven', has_more: false }),
    );
    const outcome = await clientOf(engine.url).syncHonourVouchers({ cursor: 0, limit: 10 });
    expect(outcome).toMatchObject({
      ok: false,
      error: { kind: 'unavailable', cause: 'bad_answer' },
    });
    expect(outcome.ok ? '' : outcome.error.message).toMatch(
      /answered sync honour vouchers with HTTP 200 and JSON the till cannot read \(results\.next_cursor/,
    );
  });

  it('reports a body that is not JSON, and an error status without an envelope, as a bad answer', async () => {
    const engine = await fakeWith((_method, path) =>
      path === '/auth/login'
        ? loginOk()
        : path === '/get-vouchers'
          ? { status: 502, text: '<html>Bad Gateway</html>' }
          : { status: 200, text: 'ok' },
    );
    const client = clientOf(engine.url);
    expect(await client.syncHonourVouchers({ cursor: 0, limit: 1 })).toMatchObject({
      ok: false,
      error: {
        kind: 'unavailable',
        cause: 'bad_answer',
        message: expect.stringContaining('with HTTP 200 and a body that is not JSON') as unknown,
      },
    });
    expect(await client.getVouchers({ chainId: 1 })).toMatchObject({
      ok: false,
      error: {
        kind: 'unavailable',
        cause: 'bad_answer',
        message: expect.stringContaining('answered HTTP 502 with an HTML page') as unknown,
      },
    });
  });

  it('logs in again exactly once when the session keeps being refused, then says unauthorized', async () => {
    const engine = await fakeWith((_method, path) =>
      path === '/auth/login' ? loginOk() : refusal(401, 6, 'no_valid_session'),
    );
    const outcome = await clientOf(engine.url).syncHonourVouchers({ cursor: 0, limit: 1 });
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(engine.requests.map((request) => request.path)).toEqual([
      '/auth/login',
      '/sync/honour-vouchers',
      '/auth/login',
      '/sync/honour-vouchers',
    ]);
  });

  it('shares one login between calls made at the same time', async () => {
    const engine = await fakeWith((_method, path) =>
      path === '/auth/login' ? loginOk() : ok({ changes: [], next_cursor: 0, has_more: false }),
    );
    const client = clientOf(engine.url);
    const outcomes = await Promise.all([
      client.syncHonourVouchers({ cursor: 0, limit: 1 }),
      client.syncHonourVouchers({ cursor: 0, limit: 1 }),
      client.syncHonourVouchers({ cursor: 0, limit: 1 }),
    ]);
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(engine.requests.filter((request) => request.path === '/auth/login')).toHaveLength(1);
  });

  it('sends the API version on every call and the session headers once logged in', async () => {
    const engine = await fakeWith((_method, path) =>
      path === '/auth/login'
        ? loginOk('session-key-abcdefghijklmnop')
        : ok({ changes: [], next_cursor: 0, has_more: false }),
    );
    const client = clientOf(engine.url);
    expect(await client.syncHonourVouchers({ cursor: 0, limit: 1 })).toMatchObject({ ok: true });
    await client.health();
    const [login, sync, health] = engine.requests;
    for (const request of [login, sync, health])
      expect(request?.headers['x-spaaza-api-version']).toBe(API_VERSION);
    expect(login?.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(login?.headers['x-spaaza-session-key']).toBeUndefined();
    expect(sync?.headers).toMatchObject({
      'x-spaaza-session-user-id': '7',
      'x-spaaza-session-key': 'session-key-abcdefghijklmnop',
    });
  });

  it('reports an engine without /healthz as reachable but not healthy', async () => {
    const engine = await fakeWith(() => refusal(404, 1005, 'not_found'));
    const health = await clientOf(engine.url).health();
    expect(health).toMatchObject({ ok: true, value: { healthy: false, httpStatus: 404 } });
  });

  it('gives each purpose its own limit, and the terminal calls without one the default', async () => {
    const engine = await fakeWith((_method, path) => (path === '/auth/login' ? loginOk() : 'hold'));
    const client = createEngineClient({
      baseUrl: engine.url,
      credentials: DEMO.terminal,
      timeoutMs: TIMEOUT_MS,
      timeouts: { pricingMs: 150, confirmMs: 250, syncMs: 350, probeMs: 100 },
    });
    const limitOf = (outcome: { ok: boolean; error?: { message: string } }) =>
      /within (\d+) ms/.exec(outcome.error?.message ?? '')?.[1];
    const sale = demoSale('S001-01-FX-0003');
    expect(limitOf(await client.getBasketPrice(sale, DEMO_TILL))).toBe('150');
    const basket = encodeAddBasket(sale, DEMO_TILL, [], Date.now());
    expect(limitOf(await client.addBasket(basket))).toBe('250');
    expect(limitOf(await client.addBasket(basket, 'sync'))).toBe('350');
    expect(limitOf(await client.syncHonourVouchers({ cursor: 0, limit: 1 }))).toBe('350');
    expect(limitOf(await client.health())).toBe('100');
    expect(limitOf(await client.getVouchers({ chainId: 1 }))).toBe(String(TIMEOUT_MS));
  });

  it('refuses an answer whose amount the currency cannot hold, naming the field', async () => {
    const engine = await fakeWith((_method, path) =>
      path === '/auth/login'
        ? loginOk()
        : ok({
            basket: {
              basket_items: [],
              basket_vouchers: [],
              basket_total_price: 2,
              basket_total_discount: 0.001,
              basket_total_adjusted_price: 1.999,
            },
          }),
    );
    const outcome = await clientOf(engine.url).getBasketPrice(
      demoSale('S001-01-FX-0004'),
      DEMO_TILL,
    );
    expect(outcome).toMatchObject({
      ok: false,
      error: { kind: 'unavailable', cause: 'bad_answer' },
    });
    const message = outcome.ok ? '' : outcome.error.message;
    // basket_total_price is what the till charged, echoed: the till reads the engine's figures
    expect(message).toContain('results.basket.basket_total_discount');
    expect(message).toContain('results.basket.basket_total_adjusted_price');
  });

  it('counts a 5xx as the engine being away, with or without its envelope, naming what came back', async () => {
    const engine = await fakeWith((_method, path) => {
      if (path === '/auth/login') return loginOk();
      if (path === '/sync/honour-vouchers') return refusal(503, 9001, 'storage_unavailable');
      if (path === '/get-vouchers') return refusal(500, 1, 'internal_error');
      return { status: 502, text: '<html><body>Bad Gateway</body></html>' };
    });
    const client = clientOf(engine.url);
    const badAnswer = (words: string) => ({
      ok: false,
      error: {
        kind: 'unavailable',
        cause: 'bad_answer',
        message: expect.stringContaining(words) as unknown,
      },
    });
    expect(await client.syncHonourVouchers({ cursor: 0, limit: 1 })).toMatchObject(
      badAnswer('answered HTTP 503 with the error storage_unavailable'),
    );
    expect(await client.getVouchers({ chainId: 1 })).toMatchObject(
      badAnswer('answered HTTP 500 with the error internal_error'),
    );
    expect(await client.health()).toMatchObject(badAnswer('answered HTTP 502 with an HTML page'));
  });

  it('keeps a 4xx envelope a refusal, and a 4xx without one a bad answer', async () => {
    const engine = await fakeWith((_method, path) => {
      if (path === '/auth/login') return loginOk();
      if (path === '/get-vouchers') return refusal(429, 1, 'too_many_requests');
      return {
        status: 404,
        text: '<html>Not Found</html>',
        headers: { 'content-type': 'text/html' },
      };
    });
    const client = clientOf(engine.url);
    expect(await client.getVouchers({ chainId: 1 })).toMatchObject({
      ok: false,
      error: { kind: 'rejected', reason: 'retryable', name: 'too_many_requests' },
    });
    expect(await client.syncHonourVouchers({ cursor: 0, limit: 1 })).toMatchObject({
      ok: false,
      error: {
        kind: 'unavailable',
        cause: 'bad_answer',
        message: expect.stringContaining('with HTTP 404 and an HTML page') as unknown,
      },
    });
  });

  it('follows no redirect: the other address never sees the session key', async () => {
    const elsewhere = await startFakeEngine(() =>
      ok({ changes: [], next_cursor: 0, has_more: false }),
    );
    try {
      const engine = await fakeWith((_method, path) =>
        path === '/auth/login'
          ? loginOk('session-key-that-stays-home-0001')
          : { status: 307, text: '', headers: { location: `${elsewhere.url}${path}` } },
      );
      const outcome = await clientOf(engine.url).syncHonourVouchers({ cursor: 0, limit: 1 });
      expect(outcome).toMatchObject({
        ok: false,
        error: {
          kind: 'unavailable',
          cause: 'bad_answer',
          message: expect.stringContaining(
            `answered HTTP 307, a redirect to ${elsewhere.url}/sync/honour-vouchers that the till does not follow`,
          ) as unknown,
        },
      });
      expect(elsewhere.requests).toEqual([]);
    } finally {
      await elsewhere.close();
    }
  });

  it('cuts an answer off at the size cap instead of reading it all', async () => {
    const engine = await fakeWith((_method, path) =>
      path === '/auth/login' ? loginOk() : 'endless',
    );
    const client = createEngineClient({
      baseUrl: engine.url,
      credentials: DEMO.terminal,
      timeoutMs: 10_000,
      maxAnswerBytes: 256 * 1024,
    });
    const outcome = await client.syncHonourVouchers({ cursor: 0, limit: 1 });
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        kind: 'unavailable',
        cause: 'bad_answer',
        message: expect.stringContaining('answered with more than 262144 bytes') as unknown,
      },
    });
    // what the sockets buffer on the way, no more: the 256 MB answer was not read
    expect(engine.endlessBytesSent()).toBeLessThan(32 * 1024 * 1024);
  });

  it('sends a fresh request id per call, the same one when a call is sent again after a new login, and its user agent', async () => {
    let refusedOnce = false;
    const engine = await fakeWith((_method, path) => {
      if (path === '/auth/login') return loginOk();
      if (!refusedOnce) {
        refusedOnce = true;
        return refusal(401, 6, 'no_valid_session');
      }
      return ok({ changes: [], next_cursor: 0, has_more: false });
    });
    const client = createEngineClient({
      baseUrl: engine.url,
      credentials: DEMO.terminal,
      timeoutMs: TIMEOUT_MS,
      userAgent: tillUserAgent('0.1.0', 'S001-01'),
    });
    await client.syncHonourVouchers({ cursor: 0, limit: 1 });
    await client.syncHonourVouchers({ cursor: 0, limit: 1 });
    const syncs = engine.requests.filter((request) => request.path === '/sync/honour-vouchers');
    const ids = syncs.map((request) => request.headers['x-request-id']);
    expect(ids).toHaveLength(3);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
    const logins = engine.requests.filter((request) => request.path === '/auth/login');
    expect(new Set(logins.map((request) => request.headers['x-request-id'])).size).toBe(
      logins.length,
    );
    for (const request of engine.requests)
      expect(request.headers['user-agent']).toBe('voucher-till/0.1.0 (S001-01)');
  });
});
