import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpFaultProxy, type TcpFaultProxy } from '../../test-support/engine/tcp-fault-proxy';
import { BAD_GATEWAY_PAGE } from '../../test-support/till/http-faults';
import { startHttpProxy, type HttpProxy } from '../../test-support/till/http-proxy';

/*
 * The fault proxies the other suites in this folder rely on: each mode does what it says, so a
 * test that passes through them tests the fault it names.
 */

const listen = (server: Server | HttpServer) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(address !== null && typeof address === 'object' ? address.port : 0);
    }),
  );
const close = (server: Server | HttpServer) =>
  new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });

/** A client connection that collects what it hears and whether it was closed. */
function dial(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  const heard: string[] = [];
  let closed = false;
  socket.on('data', (chunk: Buffer) => heard.push(chunk.toString()));
  socket.on('error', () => undefined);
  socket.on('close', () => {
    closed = true;
  });
  return { socket, heard: () => heard.join(''), closed: () => closed };
}
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the TCP fault proxy', () => {
  let echo: Server;
  let echoPort = 0;
  let targetConnections = 0;
  let proxy: TcpFaultProxy;
  beforeAll(async () => {
    echo = createServer((socket) => {
      targetConnections += 1;
      socket.on('error', () => undefined);
      socket.pipe(socket);
    });
    echoPort = await listen(echo);
    proxy = await startTcpFaultProxy('127.0.0.1', echoPort);
  });
  afterAll(async () => {
    await proxy.stop();
    await close(echo);
  });

  it('passes bytes both ways, and rewrites a URL to go through it', async () => {
    const client = dial(proxy.port);
    client.socket.write('ping');
    await expect.poll(client.heard).toBe('ping');
    expect(proxy.via('postgres://u@db.example:5432/x?a=1')).toBe(
      `postgres://u@127.0.0.1:${proxy.port}/x?a=1`,
    );
    client.socket.destroy();
  });

  it('holds bytes while paused and lets them flow, in order, on pass', async () => {
    const client = dial(proxy.port);
    await expect.poll(() => proxy.counts.open).toBe(1);
    proxy.setMode('pause');
    client.socket.write('one,');
    client.socket.write('two');
    await settle(100);
    expect(client.heard()).toBe('');
    proxy.setMode('pass');
    await expect.poll(client.heard).toBe('one,two');
    client.socket.destroy();
  });

  it('black-holes: a new connection is read and never answered nor passed on; it is reset on pass', async () => {
    await expect.poll(() => proxy.counts.open).toBe(0);
    const before = targetConnections;
    proxy.setMode('blackHole');
    const client = dial(proxy.port);
    client.socket.write('anyone?');
    await settle(150);
    expect(client.heard()).toBe('');
    expect(client.closed()).toBe(false);
    expect(targetConnections).toBe(before);
    proxy.setMode('pass');
    await expect.poll(client.closed).toBe(true);
  });

  it('refuses new connections, and cuts every open one on both sides', async () => {
    const open = dial(proxy.port);
    await expect.poll(() => proxy.counts.open).toBe(1);
    proxy.setMode('refuse');
    const refused = dial(proxy.port);
    await expect.poll(refused.closed).toBe(true);
    expect(proxy.counts.refused).toBe(1);
    expect(open.closed()).toBe(false);

    expect(proxy.cutAll()).toBe(1);
    await expect.poll(open.closed).toBe(true);
    expect(proxy.counts).toMatchObject({ open: 0, cut: 1 });
    proxy.setMode('pass');
  });

  it('delays what it passes on', async () => {
    proxy.setDelay(300);
    const client = dial(proxy.port);
    client.socket.write('late');
    await settle(200);
    expect(client.heard()).toBe('');
    await expect.poll(client.heard, { timeout: 2000 }).toBe('late');
    proxy.setDelay(0);
    client.socket.destroy();
  });
});

describe('the HTTP proxy’s faults', () => {
  let target: HttpServer;
  let reached: string[] = [];
  let proxy: HttpProxy;
  beforeAll(async () => {
    target = createHttpServer((request, response) => {
      reached.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 'ok' }));
    });
    const port = await listen(target);
    proxy = await startHttpProxy(`http://127.0.0.1:${port}`);
  });
  afterAll(async () => {
    await proxy.stop();
    await close(target);
  });

  const get = async (path: string) => {
    const answer = await fetch(`${proxy.url}${path}`, { method: 'POST', body: 'x=1' });
    return {
      status: answer.status,
      type: answer.headers.get('content-type'),
      body: await answer.text(),
    };
  };

  it('answers a 502 page and a 500 without the engine, and only on the paths named', async () => {
    reached = [];
    proxy.injectFault({ kind: 'bad-gateway' }, ['/price']);
    expect(await get('/price')).toEqual({ status: 502, type: 'text/html', body: BAD_GATEWAY_PAGE });
    expect(await get('/other')).toMatchObject({ status: 200, body: '{"status":"ok"}' });
    expect(reached).toEqual(['/other']);

    proxy.injectFault({ kind: 'server-error', envelope: false });
    expect(await get('/other')).toMatchObject({ status: 500, body: 'Internal Server Error' });
    proxy.injectFault({ kind: 'server-error', envelope: true });
    const enveloped = await get('/other');
    expect(enveloped.status).toBe(500);
    expect(JSON.parse(enveloped.body)).toMatchObject({ error: { name: 'internal_error' } });
    proxy.injectFault({ kind: 'redirect', to: 'http://127.0.0.1:9' });
    const redirected = await fetch(`${proxy.url}/other`, { redirect: 'manual' });
    expect(redirected.status).toBe(307);
    expect(redirected.headers.get('location')).toBe('http://127.0.0.1:9/other');
    expect(reached).toEqual(['/other']);
    expect(proxy.faulted()).toBe(4);
    proxy.liftFault();
  });

  it('lets the engine do its work and spoils its answer: malformed JSON, a wrong shape', async () => {
    reached = [];
    proxy.injectFault({ kind: 'malformed-json' });
    const malformed = await get('/price');
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(malformed.body) as unknown).toThrow();
    proxy.injectFault({ kind: 'wrong-shape' });
    expect(JSON.parse((await get('/price')).body)).not.toHaveProperty('status');
    expect(reached).toEqual(['/price', '/price']);
    proxy.liftFault();
    expect(await get('/price')).toMatchObject({ body: '{"status":"ok"}' });
  });

  it('delays the engine’s answer, and black-holes a call until the fault is lifted', async () => {
    proxy.injectFault({ kind: 'delay', ms: 400 });
    const started = Date.now();
    expect(await get('/price')).toMatchObject({ status: 200 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);

    reached = [];
    proxy.injectFault({ kind: 'black-hole' });
    let settled = false;
    const swallowed = get('/price').then(
      () => 'answered',
      () => 'cut',
    );
    void swallowed.then(() => {
      settled = true;
    });
    await settle(200);
    expect(settled).toBe(false);
    expect(proxy.inFlight('/price')).toBe(1);
    proxy.liftFault();
    expect(await swallowed).toBe('cut');
    await expect.poll(() => proxy.inFlight('/price')).toBe(0);
    expect(reached).toEqual([]);
  });
});
