import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestLog, USER_AGENT_LOG_LENGTH } from './request-log';

describe('the request log', () => {
  const lines: Record<string, unknown>[] = [];
  let server: ReturnType<express.Express['listen']>;
  let url = '';

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean))
          lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const app = express();
    app.use(requestLog(pino({ level: 'info' }, sink)));
    app.get('/ping', (_request, response) => {
      response.json({ ok: true });
    });
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ping`;
  });
  afterAll(async () => {
    server.close();
    await once(server, 'close');
  });

  const logged = async (headers: Record<string, string>) => {
    lines.length = 0;
    const answer = await fetch(url, { headers });
    await answer.text();
    // the line is written when the answer has finished
    for (let tries = 0; lines.length === 0 && tries < 50; tries += 1)
      await new Promise((resolve) => setTimeout(resolve, 10));
    return { echoed: answer.headers.get('x-request-id'), line: lines[0] };
  };

  it("keeps the caller's request id and user agent, and echoes the id", async () => {
    const { echoed, line } = await logged({
      'x-request-id': '6f1c2a9e-0d4b-4c61-9a3e-2b7f5d8c1e00',
      'user-agent': 'voucher-till/0.1.0 (S001-01)',
    });
    expect(echoed).toBe('6f1c2a9e-0d4b-4c61-9a3e-2b7f5d8c1e00');
    expect(line).toMatchObject({
      msg: 'request',
      requestId: '6f1c2a9e-0d4b-4c61-9a3e-2b7f5d8c1e00',
      userAgent: 'voucher-till/0.1.0 (S001-01)',
      path: '/ping',
      status: 200,
    });
  });

  it('makes its own id for an id that is not a sane token, and cuts a long user agent', async () => {
    const { echoed, line } = await logged({
      'x-request-id': 'a b;c',
      'user-agent': 'x'.repeat(USER_AGENT_LOG_LENGTH + 50),
    });
    expect(echoed).toMatch(/^[0-9a-f-]{36}$/);
    expect(line?.requestId).toBe(echoed);
    expect(line?.userAgent).toBe('x'.repeat(USER_AGENT_LOG_LENGTH));
  });
});
