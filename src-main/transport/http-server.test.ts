import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTillHttpServer, type TillHttpServer } from './http-server';
import { isAllowedHost, isLoopbackAddress } from './loopback';
import { standInCore, status } from '../../test-support/till/stand-in-core';

const TOKEN = 'ui-token-0123456789abcdef';
function post(server: TillHttpServer, path: string, body: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const req = httpRequest(
      `${server.url}${path}`,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            body: text ? (JSON.parse(text) as unknown) : null,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the loopback HTTP transport', () => {
  let server: TillHttpServer;
  const seen: unknown[] = [];
  const faults: string[] = [];
  const auth = { authorization: `Bearer ${TOKEN}` };

  beforeAll(async () => {
    server = await startTillHttpServer({
      handlers: standInCore(seen),
      tokens: [TOKEN],
      onFault: (_error, command) => faults.push(command),
    });
  });
  afterAll(async () => server.stop());

  it('answers a command with {ok, value}', async () => {
    expect(await post(server, '/api/status/get', '{}', auth)).toEqual({
      status: 200,
      body: { ok: true, value: status },
    });
  });

  it('refuses a request without the token (401) or with another token', async () => {
    expect(await post(server, '/api/status/get', '{}', {})).toMatchObject({
      status: 401,
      body: { ok: false },
    });
    expect(
      await post(server, '/api/status/get', '{}', { authorization: 'Bearer not-the-token-at-all' }),
    ).toMatchObject({ status: 401 });
  });

  it('refuses a foreign Host header (403), whatever the token', async () => {
    expect(
      await post(server, '/api/status/get', '{}', { ...auth, host: `evil.example:${server.port}` }),
    ).toMatchObject({
      status: 403,
      body: { ok: false, error: { code: 'forbidden' } },
    });
  });

  it('names bad input by field, refuses unknown commands, and turns a fault into `internal`', async () => {
    expect(await post(server, '/api/sale/scan', '{"saleId":"s1","code":""}', auth)).toMatchObject({
      status: 400,
      body: {
        ok: false,
        error: { code: 'invalid_input', message: expect.stringMatching(/^code: /) as unknown },
      },
    });
    expect(await post(server, '/api/sale/explode', '{}', auth)).toMatchObject({
      status: 404,
      body: { error: { code: 'unknown_command' } },
    });
    expect(await post(server, '/api/status/get', '{not json', auth)).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_input' } },
    });
    expect(
      await post(server, '/api/sale/scan', '{"saleId":"s1","code":"8710000000017"}', auth),
    ).toMatchObject({
      status: 200,
      body: { ok: false, error: { code: 'internal' } },
    });
    expect(seen).toEqual([{ saleId: 's1', code: '8710000000017' }]);
    expect(faults).toEqual(['sale/scan']);
  });

  it('without a built UI, the root page says how to use the API', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toMatch(
      /browser mode without a built UI[\s\S]*POST \/api\/<group>\/<command>/,
    );
  });

  it('cannot be bound to a non-loopback address', async () => {
    await expect(
      startTillHttpServer({
        handlers: standInCore([]),
        tokens: [TOKEN],
        host: '0.0.0.0',
        onFault: () => undefined,
      }),
    ).rejects.toThrow(/loopback/);
    await expect(
      startTillHttpServer({
        handlers: standInCore([]),
        tokens: [TOKEN],
        host: '192.168.1.20',
        onFault: () => undefined,
      }),
    ).rejects.toThrow(/loopback/);
  });
});

describe('loopback rules', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.10.0.1', true],
    ['::1', true],
    ['[::1]', true],
    ['localhost', true],
    ['0.0.0.0', false],
    ['10.0.0.5', false],
    ['::', false],
    ['till.local', false],
  ])('%s is loopback: %s', (host, expected) => {
    expect(isLoopbackAddress(host)).toBe(expected);
  });

  it('accepts only this port on a loopback name', () => {
    expect(isAllowedHost('127.0.0.1:8410', 8410)).toBe(true);
    expect(isAllowedHost('localhost:8410', 8410)).toBe(true);
    expect(isAllowedHost('[::1]:8410', 8410)).toBe(true);
    expect(isAllowedHost('127.0.0.1:8411', 8410)).toBe(false);
    expect(isAllowedHost('attacker.example:8410', 8410)).toBe(false);
    expect(isAllowedHost(undefined, 8410)).toBe(false);
  });
});

describe('stopping the loopback HTTP transport', () => {
  it('answers a command already received, with Connection: close, and refuses new connections', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let received: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => {
      received = resolve;
    });
    const server = await startTillHttpServer({
      handlers: {
        ...standInCore([]),
        'status/get': async () => {
          received();
          await held;
          return { ok: true, value: status };
        },
      },
      tokens: [TOKEN],
      onFault: () => undefined,
    });
    const answer = new Promise<{ status: number; connection: string | undefined }>(
      (resolve, reject) => {
        const req = httpRequest(
          `${server.url}/api/status/get`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
          },
          (res) => {
            res.resume();
            res.on('end', () => {
              resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
            });
          },
        );
        req.on('error', reject);
        req.end('{}');
      },
    );
    await arrived;
    const stopped = server.stop();
    const refused = await fetch(`${server.url}/`).then(
      () => 'answered',
      (error: unknown) =>
        error instanceof TypeError && error.cause instanceof Error && 'code' in error.cause
          ? error.cause.code
          : 'other',
    );
    release();
    expect(await answer).toEqual({ status: 200, connection: 'close' });
    await stopped;
    expect(refused).toBe('ECONNREFUSED');
  });
});
