import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { basketRequest, item } from '../../test-support/engine/baskets';
import { call, loginAs } from '../../test-support/engine/client';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';

describeEachDatabase('sessions, health and logs', (database) => {
  let engine: TestEngine;
  const logLines: string[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    engine = await startTestEngine(database, { demo: true, log: pino({ level: 'info' }, sink) });
  });
  afterAll(async () => engine.close());

  it('health reports the database reachable', async () => {
    const answer = await call(engine.url, '/healthz');
    expect(answer).toMatchObject({
      status: 200,
      body: { status: 'ok', database: { reachable: true, dialect: database.name } },
    });
  });

  it('logout ends the session it is sent with; a new login leaves the older one working', async () => {
    const first = await loginAs(engine.url, 'till-s001-01', 'demo-till');
    const second = await loginAs(engine.url, 'till-s001-01', 'demo-till');
    const price = (session: typeof first) =>
      call(engine.url, '/auth/get-basket-price', {
        json: basketRequest('S001-01-LOG-0001', [item('a', 1)], { member: null }),
        session,
      });
    expect((await price(first)).status).toBe(200);
    expect((await price(second)).status).toBe(200);
    const out = await call(engine.url, '/auth/logout', { method: 'DELETE', session: second });
    expect(out).toMatchObject({ status: 200, body: { results: { result_type: 'logout' } } });
    expect((await price(second)).status).toBe(401);
    expect((await price(first)).status).toBe(200);
  });

  it('logs one JSON line per request with a request id, and never a password or session key', async () => {
    logLines.length = 0;
    const session = await loginAs(engine.url, 'manager-s001', 'demo-manager');
    await call(engine.url, '/auth/get-basket-price', {
      json: basketRequest('S001-01-LOG-0002', [item('a', 1)], { member: null }),
      session,
      headers: { 'x-request-id': 'till-7-abc' },
    });
    const requests = logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.msg === 'request');
    expect(requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/auth/login',
        status: 200,
        requestId: expect.any(String) as unknown,
      }),
      expect.objectContaining({
        method: 'POST',
        path: '/auth/get-basket-price',
        status: 200,
        requestId: 'till-7-abc',
      }),
    ]);
    const everything = logLines.join('\n');
    expect(everything).not.toContain('demo-manager');
    expect(everything).not.toContain(session.key);
  });

  it('health says unavailable when the database is gone', async () => {
    await engine.db.close();
    const answer = await call(engine.url, '/healthz');
    expect(answer).toMatchObject({
      status: 503,
      body: { status: 'unavailable', database: { reachable: false } },
    });
  });
});
