import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { recordEvent } from '../../src-engine/domain/events/record';
import type { EventType } from '../../src-engine/domain/events/types';
import {
  systemResolve,
  type Resolve,
  type ResolvedAddress,
} from '../../src-engine/domain/webhooks/destination';
import { ADDRESS_REFUSED } from '../../src-engine/domain/webhooks/outcomes';
import { createWebhook, disableWebhook } from '../../src-engine/domain/webhooks/subscriptions';
import { expectOk } from '../../src-engine/domain/refusal';
import {
  call,
  isRecord,
  loginAs,
  type Answer,
  type Session,
} from '../../test-support/engine/client';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';
import { captureLog } from '../../test-support/engine/log-capture';
import { startReceiver, type Receiver } from '../../test-support/engine/webhook-receiver';
import {
  DELIVERY_WAIT,
  errorOf,
  failureReasons,
  FAST_DELIVERY,
  resultsOf,
} from '../../test-support/engine/webhook-testing';

/*
 * Where webhooks may go: refused at registration for every inward range and spelling, and
 * refused again at connect time for what resolves inward by then, with nothing sent. The
 * resolver is the engine's own, injected: names under .test resolve as each test sets them,
 * any other name (localhost) as the system resolves it.
 */

const PUBLIC: readonly ResolvedAddress[] = [{ address: '93.184.215.14', family: 4 }];
const LOOPBACK: readonly ResolvedAddress[] = [{ address: '127.0.0.1', family: 4 }];
const FAST = FAST_DELIVERY;
const WAIT = DELIVERY_WAIT;
const SECRET = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;

const names = new Map<string, readonly ResolvedAddress[]>([
  ['public.test', PUBLIC],
  ['inward.test', [{ address: '10.0.0.1', family: 4 }]],
  [
    'mixed.test',
    [
      { address: '93.184.215.14', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ],
  ],
  ['metadata.test', [{ address: '169.254.169.254', family: 4 }]],
  ['v6-inward.test', [{ address: 'fd12:3456::1', family: 6 }]],
]);
const resolve: Resolve = (hostname) => {
  const known = names.get(hostname.toLowerCase());
  return known === undefined ? systemResolve(hostname) : Promise.resolve(known);
};

function webhookIdOf(answer: Answer): string {
  const { webhook } = resultsOf(answer);
  if (!isRecord(webhook) || typeof webhook.id !== 'string') throw new Error('no webhook id');
  return webhook.id;
}

/** Every inward range the policy refuses, in each spelling a URL can carry it. */
const INWARD: readonly (readonly [url: string, why: string])[] = [
  ['https://127.0.0.1/hook', 'a loopback address'],
  ['https://127.8.9.10/hook', 'a loopback address'],
  ['https://[::1]/hook', 'a loopback address'],
  ['https://10.0.0.1/hook', 'a private address'],
  ['https://172.16.0.1/hook', 'a private address'],
  ['https://172.31.255.254/hook', 'a private address'],
  ['https://192.168.1.1/hook', 'a private address'],
  ['https://100.64.0.1/hook', 'a carrier-grade NAT'],
  ['https://100.127.255.254/hook', 'a carrier-grade NAT'],
  ['https://169.254.10.1/hook', 'a link-local address'],
  ['https://[fe80::1]/hook', 'a link-local address'],
  ['https://[fc00::1]/hook', 'a unique-local address'],
  ['https://[fd12:3456::1]/hook', 'a unique-local address'],
  ['https://0.0.0.0/hook', 'an unspecified address'],
  ['https://[::]/hook', 'an unspecified address'],
  ['https://169.254.169.254/latest/meta-data/', 'a cloud metadata address'],
  ['https://[fd00:ec2::254]/hook', 'a cloud metadata address'],
  ['https://255.255.255.255/hook', 'the broadcast address'],
  ['https://224.0.0.1/hook', 'a multicast address'],
  ['https://[ff02::1]/hook', 'a multicast address'],
  ['https://240.0.0.1/hook', 'a reserved address'],
  ['https://192.0.2.1/hook', 'a reserved address'],
  // IPv4-mapped, IPv4-compatible and translated IPv6 forms of inward IPv4 addresses
  ['https://[::ffff:127.0.0.1]/hook', 'a loopback address'],
  ['https://[::ffff:10.0.0.1]/hook', 'a private address'],
  ['https://[::ffff:169.254.169.254]/hook', 'a cloud metadata address'],
  ['https://[::127.0.0.1]/hook', 'a reserved address'],
  ['https://[64:ff9b::7f00:1]/hook', 'NAT64'],
  ['https://[2002:7f00:1::]/hook', '6to4'],
  // odd numeric spellings of 127.0.0.1 and 0.0.0.0, which the URL parser normalizes
  ['https://0x7f000001/hook', '127.0.0.1 is a loopback address'],
  ['https://2130706433/hook', '127.0.0.1 is a loopback address'],
  ['https://0177.0.0.1/hook', '127.0.0.1 is a loopback address'],
  ['https://017700000001/hook', '127.0.0.1 is a loopback address'],
  ['https://127.1/hook', '127.0.0.1 is a loopback address'],
  ['https://0x7f.0.0.1/hook', '127.0.0.1 is a loopback address'],
  ['https://0/hook', '0.0.0.0 is an unspecified address'],
  // names that resolve inward, one of them (localhost) through the system's resolver
  ['https://localhost/hook', 'localhost resolves to a loopback address'],
  ['https://inward.test/hook', 'inward.test resolves to a private address'],
  ['https://mixed.test/hook', 'mixed.test resolves to a loopback address'],
  ['https://metadata.test/hook', 'metadata.test resolves to a cloud metadata address'],
  ['https://v6-inward.test/hook', 'v6-inward.test resolves to a unique-local address'],
];

describeEachDatabase('webhook destinations', (database) => {
  const receivers: Receiver[] = [];
  afterEach(async () => {
    for (const receiver of receivers.splice(0)) await receiver.close();
  });

  async function receiver(): Promise<Receiver> {
    const started = await startReceiver();
    receivers.push(started);
    return started;
  }

  const register = (engine: TestEngine, session: Session, url: string) =>
    call(engine.url, '/admin/webhooks', { session, json: { url, event_types: '*' } });

  const event = (engine: TestEngine, type: EventType, subject: string) =>
    recordEvent(engine.db.kysely, { chainId: 1, type, subject, payload: {}, at: Date.now() });

  async function deliveriesOf(engine: TestEngine, session: Session, webhookId: string) {
    const answer = await call(engine.url, `/admin/webhooks/${webhookId}/deliveries`, { session });
    const results = answer.body.results;
    const list = isRecord(results) ? results.deliveries : undefined;
    return Array.isArray(list) ? list.filter(isRecord) : [];
  }

  describe('registration, with no allow list and https only (the defaults)', () => {
    let engine: TestEngine;
    let admin: Session;
    beforeAll(async () => {
      engine = await startTestEngine(database, { demo: true, resolve, webhooks: FAST });
      admin = await loginAs(engine.url, 'admin', 'demo-admin');
    });
    afterAll(async () => engine.close());

    it.each(INWARD)('refuses %s: %s', async (url, why) => {
      const answer = await register(engine, admin, url);
      expect(answer.status).toBe(400);
      expect(errorOf(answer).name).toBe('webhook_url_not_allowed');
      expect(errorOf(answer).description).toMatch(/^url: /);
      expect(errorOf(answer).description).toContain(why);
      expect(errorOf(answer).description).toContain('ENGINE_WEBHOOK_ALLOW_HOSTS');
      // a name's refusal names the range, not the inside address the name has
      if (why.includes('resolves to'))
        expect(errorOf(answer).description).not.toMatch(/\d+\.\d+\.\d+\.\d+|::/);
    });

    it('takes public https receivers, by name or address, and refuses plain http and names that do not resolve', async () => {
      for (const url of [
        'https://public.test/hook',
        'https://93.184.215.14/hook',
        'https://[2606:4700::1111]/hook',
        'https://[::ffff:93.184.215.14]/hook',
      ]) {
        const answer = await register(engine, admin, url);
        expect(answer.status, url).toBe(200);
        // none is ever sent to: no event is recorded in this engine
        expectOk(await disableWebhook(engine.db.kysely, 1, webhookIdOf(answer), Date.now()));
      }

      const plain = await register(engine, admin, 'http://public.test/hook');
      expect(plain.status).toBe(400);
      expect(errorOf(plain)).toEqual({
        name: 'webhook_url_not_allowed',
        description: 'url: must be an https URL (plain http only with ENGINE_WEBHOOK_ALLOW_HTTP=1)',
      });

      const nowhere = await register(engine, admin, 'https://nowhere.invalid/hook');
      expect(nowhere.status).toBe(400);
      expect(errorOf(nowhere).name).toBe('webhook_host_not_resolved');
      expect(errorOf(nowhere).description).toContain('url: nowhere.invalid does not resolve');

      expect(await engine.db.kysely.selectFrom('webhooks').select('url').execute()).toHaveLength(4);
    });
  });

  describe('connecting, with plain http allowed and no allow list', () => {
    let engine: TestEngine;
    let admin: Session;
    const logged = captureLog();
    beforeAll(async () => {
      engine = await startTestEngine(database, {
        demo: true,
        resolve,
        log: logged.log,
        webhooks: { ...FAST, allowHttp: true },
      });
      admin = await loginAs(engine.url, 'admin', 'demo-admin');
    });
    afterAll(async () => engine.close());

    const reasonsFor = (url: string) => failureReasons(logged, url);

    /** Waits for the webhook's one delivery to fail, and answers its attempts. */
    async function failedAttempts(webhookId: string) {
      await vi.waitFor(async () => {
        const [delivery] = await deliveriesOf(engine, admin, webhookId);
        expect(delivery?.status).toBe('failed');
      }, WAIT);
      const [delivery, ...others] = await deliveriesOf(engine, admin, webhookId);
      expect(others).toEqual([]);
      return Array.isArray(delivery?.attempts) ? delivery.attempts.filter(isRecord) : [];
    }

    it('a name that resolved to a public address at registration and to 127.0.0.1 by delivery (DNS rebinding) is refused as it connects: nothing arrives', async () => {
      const hook = await receiver();
      const url = `http://rebind.test:${hook.port}/hook`;
      names.set('rebind.test', PUBLIC);
      const registered = await register(engine, admin, url);
      expect(registered.status).toBe(200);
      const webhookId = webhookIdOf(registered);

      names.set('rebind.test', LOOPBACK);
      await event(engine, 'VOUCHER_EXPIRED', 'rebound');
      expect(await failedAttempts(webhookId)).toEqual([
        { at: expect.any(String) as unknown, outcome: ADDRESS_REFUSED },
      ]);
      expect(hook.received).toEqual([]);
      expect(hook.cutOff()).toBe(0);
      expect(reasonsFor(url)).toEqual([
        expect.stringMatching(
          /^refused: rebind\.test resolves to a loopback address: .* \(resolved to 127\.0\.0\.1\)$/,
        ),
      ]);
      expectOk(await disableWebhook(engine.db.kysely, 1, webhookId, Date.now()));
    });

    it('webhooks stored before the policy, aimed at this machine by name (localhost, through the system resolver) or by address, are refused as they connect: nothing arrives', async () => {
      const hook = await receiver();
      const urls = [
        `http://localhost:${hook.port}/hook`,
        `http://127.0.0.1:${hook.port}/hook`,
        `http://[::ffff:127.0.0.1]:${hook.port}/hook`,
        `http://0x7f000001:${hook.port}/hook`,
      ];
      const webhooks = [];
      for (const url of urls)
        webhooks.push(
          await createWebhook(
            engine.db.kysely,
            1,
            { url, eventTypes: ['VOUCHER_DELETED'] },
            Date.now(),
          ),
        );
      await event(engine, 'VOUCHER_DELETED', 'stored-inward');
      for (const webhook of webhooks)
        expect(await failedAttempts(webhook.id)).toEqual([
          { at: expect.any(String) as unknown, outcome: ADDRESS_REFUSED },
        ]);
      expect(hook.received).toEqual([]);
      expect(reasonsFor(urls[0] ?? '')).toEqual([
        expect.stringMatching(
          /^refused: localhost resolves to a loopback address: .* \(resolved to (127\.0\.0\.1|::1)\)$/,
        ),
      ]);
      for (const url of urls.slice(1))
        expect(reasonsFor(url)).toEqual([
          expect.stringMatching(/^refused: (127\.0\.0\.1|::ffff:7f00:1) is a loopback address/),
        ]);
      for (const webhook of webhooks)
        expectOk(await disableWebhook(engine.db.kysely, 1, webhook.id, Date.now()));
    });
  });

  describe('with an allow list naming a host and a network', () => {
    let engine: TestEngine;
    let admin: Session;
    beforeAll(async () => {
      engine = await startTestEngine(database, {
        demo: true,
        resolve,
        webhooks: { ...FAST, allowHttp: true, allowHosts: ['named.test', '10.0.0.0/8'] },
      });
      admin = await loginAs(engine.url, 'admin', 'demo-admin');
    });
    afterAll(async () => engine.close());

    it('takes what it names, delivers to a named host through the engine’s resolver, and still refuses the rest', async () => {
      const inNetwork = await register(engine, admin, 'https://10.20.30.40/hook');
      expect(inNetwork.status).toBe(200);
      expectOk(await disableWebhook(engine.db.kysely, 1, webhookIdOf(inNetwork), Date.now()));
      // a name is checked by its addresses: inward.test resolves into the allowed network
      const byAddress = await register(engine, admin, 'https://inward.test/hook');
      expect(byAddress.status).toBe(200);
      expectOk(await disableWebhook(engine.db.kysely, 1, webhookIdOf(byAddress), Date.now()));
      for (const url of ['https://127.0.0.1/hook', 'https://mixed.test/hook']) {
        const refused = await register(engine, admin, url);
        expect(refused.status, url).toBe(400);
        expect(errorOf(refused).name, url).toBe('webhook_url_not_allowed');
      }

      const hook = await receiver();
      names.set('named.test', LOOPBACK);
      const named = await call(engine.url, '/admin/webhooks', {
        session: admin,
        json: {
          url: `http://named.test:${hook.port}/hook`,
          event_types: 'VOUCHER_EXPIRED',
          secret: SECRET,
        },
      });
      expect(named.status).toBe(200);
      await event(engine, 'VOUCHER_EXPIRED', 'allowed-by-name');
      await vi.waitFor(() => {
        expect(hook.received).toHaveLength(1);
      }, WAIT);
      const [arrived] = hook.received;
      expect(new Webhook(SECRET).verify(arrived?.body ?? '', arrived?.headers ?? {})).toMatchObject(
        { subject: 'allowed-by-name' },
      );
    });
  });
});
