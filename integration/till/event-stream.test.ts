import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TillEvent } from '../../src-shared/till';
import { httpEvents } from '../../src-renderer/client/event-transports';
import { standInCore } from '../../test-support/till/stand-in-core';
import { createTillEvents } from '../../src-main/commands/till-events';
import { startTillHttpServer, type TillHttpServer } from '../../src-main/transport/http-server';

const TOKEN = 'ui-token-0123456789abcdef';

describe('the loopback event stream', () => {
  let server: TillHttpServer;
  const events = createTillEvents(() => undefined);

  beforeAll(async () => {
    server = await startTillHttpServer({
      handlers: standInCore([]),
      events: events.subscribe,
      tokens: [TOKEN],
      onFault: () => undefined,
    });
  });
  afterAll(async () => server.stop());

  it('refuses a stream without the launch token, or with another one', async () => {
    const bare = await fetch(`${server.url}/api/events`);
    expect(bare.status).toBe(401);
    const other = await fetch(`${server.url}/api/events`, {
      headers: { authorization: 'Bearer not-the-token-at-all' },
    });
    expect(other.status).toBe(401);
  });

  it('hands the screen every announcement, read as the renderer reads it', async () => {
    const heard: TillEvent[] = [];
    let connected = false;
    const local: typeof fetch = (input, init) =>
      fetch(`${server.url}${input instanceof Request ? input.url : input.toString()}`, init);
    const stop = httpEvents(
      TOKEN,
      local,
    )({
      onEvent: (event) => heard.push(event),
      onConnected: () => {
        connected = true;
      },
    });
    try {
      await expect.poll(() => connected).toBe(true);
      events.emit({ kind: 'sale-changed', saleId: 'S001-01-000001' });
      events.emit({ kind: 'connectivity', online: false });
      await expect.poll(() => heard.length).toBe(2);
      expect(heard).toEqual([
        { kind: 'sale-changed', saleId: 'S001-01-000001' },
        { kind: 'connectivity', online: false },
      ]);
    } finally {
      stop();
    }
  });

  it('a stop ends the open streams rather than waiting out the drain for them', async () => {
    const own = await startTillHttpServer({
      handlers: standInCore([]),
      events: events.subscribe,
      tokens: [TOKEN],
      onFault: () => undefined,
    });
    const response = await fetch(`${own.url}/api/events`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const body = response.text();
    // a drain this long would outlast the test's timeout if the stream held the stop
    await own.stop(60_000);
    await expect(body).resolves.toContain(': connected');
  });
});
