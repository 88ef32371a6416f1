import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectOk } from '../../src-engine/domain/refusal';
import type { Actor } from '../../src-engine/domain/actor';
import { createMember, createVoucher } from '../../src-engine/domain/admin';
import { recordEvent } from '../../src-engine/domain/events/record';
import { createWebhook, disableWebhook } from '../../src-engine/domain/webhooks/subscriptions';
import { DELIVERED, NOT_ACCEPTED } from '../../src-engine/domain/webhooks/outcomes';
import type { WebhookSettings } from '../../src-engine/domain/webhooks/settings';
import { connect } from '../../src-engine/db/connect';
import { start, type RunningEngine } from '../../src-engine/server';
import { basketRequest, item } from '../../test-support/engine/baskets';
import {
  call,
  isRecord,
  loginAs,
  type Answer,
  type Session,
} from '../../test-support/engine/client';
import { captureLog } from '../../test-support/engine/log-capture';
import {
  DELIVERY_WAIT,
  errorOf,
  failureReasons,
  FAST_DELIVERY,
  resultsOf,
} from '../../test-support/engine/webhook-testing';
import {
  startReceiver,
  type Received,
  type Receiver,
  type Responder,
} from '../../test-support/engine/webhook-receiver';
import {
  describeEachDatabase,
  startTestEngine,
  type TestDatabase,
  type TestEngine,
} from '../../test-support/engine/harness';

const SEED: Actor = { chainId: 1, role: 'privileged', name: 'test-seed', accountId: null };
const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
/** The receivers of these tests listen on 127.0.0.1 over plain http; example.test is never sent to. */
const ALLOW_TEST_RECEIVERS: Partial<WebhookSettings> = {
  allowHttp: true,
  allowHosts: ['127.0.0.1', 'example.test'],
};
const FAST: Partial<WebhookSettings> = { ...ALLOW_TEST_RECEIVERS, ...FAST_DELIVERY };
const WAIT = DELIVERY_WAIT;

/** As a receiver checks a delivery: the standardwebhooks library over the body and headers. */
function signatureIsValid(secret: string, received: Received): boolean {
  try {
    new Webhook(secret).verify(received.body, received.headers);
    return true;
  } catch {
    return false;
  }
}

describeEachDatabase('webhooks', (database) => {
  let engine: TestEngine;
  const logged = captureLog();
  let till: Session;
  let admin: Session;
  let campaignId: number;
  let serial = 0;
  const next = () => String((serial += 1)).padStart(4, '0');
  const receivers: Receiver[] = [];
  const webhookIds: string[] = [];

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true, webhooks: FAST, log: logged.log });
    till = await loginAs(engine.url, 'till-s001-01', 'demo-till');
    admin = await loginAs(engine.url, 'admin', 'demo-admin');
    const demo = await engine.db.kysely
      .selectFrom('vouchers')
      .select('campaign_id')
      .where('code', '=', 'DEMO-5EUR')
      .executeTakeFirstOrThrow();
    campaignId = demo.campaign_id;
  });
  afterEach(async () => {
    // each test's webhooks end with it, so the next test's receivers see only their own events
    for (const id of webhookIds.splice(0))
      await call(engine.url, `/admin/webhooks/${id}`, { method: 'DELETE', session: admin });
    for (const receiver of receivers.splice(0)) await receiver.close();
  });
  afterAll(async () => engine.close());

  async function receiver(respond?: Responder): Promise<Receiver> {
    const started = await startReceiver(respond);
    receivers.push(started);
    return started;
  }

  async function register(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const answer = await call(engine.url, '/admin/webhooks', { session: admin, json: body });
    expect(answer.status).toBe(200);
    const webhook = resultsOf(answer).webhook;
    if (!isRecord(webhook) || typeof webhook.id !== 'string') throw new Error('no webhook id');
    webhookIds.push(webhook.id);
    return webhook;
  }

  const deliveries = async (webhookId: string) => {
    const answer = await call(engine.url, `/admin/webhooks/${webhookId}/deliveries`, {
      session: admin,
    });
    expect(answer.status).toBe(200);
    const list = resultsOf(answer).deliveries;
    if (!Array.isArray(list)) throw new Error('no deliveries');
    return list.filter(isRecord);
  };

  /** A member with a claimed voucher, priced and sold: VOUCHER_GIVEN … BASKET_ADDED. */
  async function sale(): Promise<{ memberNumber: string; answer: Answer }> {
    const memberNumber = `WH${next()}`;
    expectOk(await createMember(engine.db.kysely, { chainId: 1, memberNumber }, 0));
    const voucher = expectOk(
      await createVoucher(
        engine.db.kysely,
        SEED,
        { chainId: 1, campaignId, memberNumber, code: `WHK-${next()}`, claimed: true },
        Date.now(),
      ),
    );
    const basketCode = `WH-BASKET-${next()}`;
    const lines = [item('line_1', 20)];
    await call(engine.url, '/auth/get-basket-price', {
      session: till,
      json: basketRequest(basketCode, lines, { member: memberNumber }),
    });
    const answer = await call(engine.url, '/auth/add-basket', {
      session: till,
      json: basketRequest(basketCode, lines, {
        member: memberNumber,
        vouchers: [{ voucher_key: voucher.key }],
      }),
    });
    return { memberNumber, answer };
  }

  async function eventsAbout(subject: string) {
    const answer = await call(engine.url, '/events', {
      session: admin,
      query: { subject, order: 'ASC' },
    });
    const data = answer.body.data;
    if (!Array.isArray(data)) throw new Error('no events');
    return data.filter(isRecord);
  }

  it('a receiver gets every event once, signed per Standard Webhooks over the exact body', async () => {
    const hook = await receiver();
    await register({ url: hook.url, event_types: '*', secret: SECRET });
    const { memberNumber, answer } = await sale();
    expect(answer.status).toBe(200);
    const events = await eventsAbout(memberNumber);
    expect(events.map((event) => event.type)).toEqual([
      'VOUCHER_GIVEN',
      'REDEEMED_VOUCHER',
      'VOUCHER_LOCKED',
      'BURNED_VOUCHER',
      'BASKET_ADDED',
    ]);
    await vi.waitFor(() => {
      expect(hook.received.length).toBeGreaterThanOrEqual(events.length);
    }, WAIT);
    expect(hook.received.map((request) => request.id).sort()).toEqual(
      events.map((event) => String(event.id)).sort(),
    );
    for (const request of hook.received) {
      expect(signatureIsValid(SECRET, request)).toBe(true);
      const event = events.find((candidate) => candidate.id === request.id);
      expect(JSON.parse(request.body)).toEqual({
        type: event?.type,
        reportedAt: event?.reportedAt,
        subject: memberNumber,
        payload: event?.payload,
      });
    }
  });

  it('a captured delivery replayed outside the five-minute tolerance, or under a fresh id, does not verify', async () => {
    const hook = await receiver();
    await register({ url: hook.url, event_types: ['VOUCHER_EXPIRED'], secret: SECRET });
    await recordEvent(engine.db.kysely, {
      chainId: 1,
      type: 'VOUCHER_EXPIRED',
      subject: 'replayed-subject',
      payload: {},
      at: Date.now(),
    });
    await vi.waitFor(() => {
      expect(hook.received).toHaveLength(1);
    }, WAIT);
    const [captured] = hook.received;
    if (!captured) throw new Error('nothing received');
    const verify = (headers: Record<string, string>, body = captured.body) =>
      new Webhook(SECRET).verify(body, headers);
    expect(verify(captured.headers)).toMatchObject({ subject: 'replayed-subject' });

    // the receiver's clock, moved to the edge of the tolerance and past it (only Date is faked)
    const sentAt = Number(captured.headers['webhook-timestamp']) * 1000;
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(sentAt + 5 * 60_000);
      expect(verify(captured.headers)).toMatchObject({ subject: 'replayed-subject' });
      vi.setSystemTime(sentAt + 5 * 60_000 + 1000);
      expect(() => verify(captured.headers)).toThrow(WebhookVerificationError);
      expect(() => verify(captured.headers)).toThrow('Message timestamp too old');
    } finally {
      vi.useRealTimers();
    }

    // the same signed delivery under another id (to slip past a receiver's memory of ids)
    expect(() => verify({ ...captured.headers, 'webhook-id': randomUUID() })).toThrow(
      'No matching signature found',
    );
    // or with another body under the captured signature
    expect(() => verify(captured.headers, captured.body.replace('replayed', 'forged'))).toThrow(
      'No matching signature found',
    );
  });

  it('a receiver that fails at first still gets the event after retries, each attempt recorded', async () => {
    const hook = await receiver((n) => (n < 2 ? 500 : 200));
    const webhook = await register({
      url: hook.url,
      event_types: ['VOUCHER_EXPIRED'],
      secret: SECRET,
    });
    await recordEvent(engine.db.kysely, {
      chainId: 1,
      type: 'VOUCHER_EXPIRED',
      subject: 'retry-subject',
      payload: { benefitId: 'b' },
      at: Date.now(),
    });
    const webhookId = String(webhook.id);
    await vi.waitFor(async () => {
      const [delivery] = await deliveries(webhookId);
      expect(delivery?.status).toBe('delivered');
    }, WAIT);
    const [delivery] = await deliveries(webhookId);
    const attempts = Array.isArray(delivery?.attempts) ? delivery.attempts.filter(isRecord) : [];
    // the log shows a chain's admin only whether each attempt arrived; the engine's own log why not
    expect(attempts.map((attempt) => attempt.outcome)).toEqual([
      NOT_ACCEPTED,
      NOT_ACCEPTED,
      DELIVERED,
    ]);
    expect(failureReasons(logged, hook.url)).toEqual(['answered 500', 'answered 500']);
    expect(hook.received).toHaveLength(3);
    // the same event each time: one id and one signed body, for the receiver to dedupe on
    expect(new Set(hook.received.map((request) => request.id)).size).toBe(1);
    expect(new Set(hook.received.map((request) => request.headers['webhook-id'])).size).toBe(1);
    expect(new Set(hook.received.map((request) => request.body)).size).toBe(1);
    expect(hook.received.every((request) => signatureIsValid(SECRET, request))).toBe(true);
  });

  it('subscribes by type: a webhook for BASKET_ADDED gets only those', async () => {
    const hook = await receiver();
    const webhook = await register({ url: hook.url, event_types: 'BASKET_ADDED, VOUCHER_DELETED' });
    expect(webhook.event_types).toEqual(['BASKET_ADDED', 'VOUCHER_DELETED']);
    const secret = String(webhook.secret);
    // Standard Webhooks' form: whsec_ and the base64 of a 32-byte key
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const { memberNumber } = await sale();
    const [added] = (await eventsAbout(memberNumber)).filter(
      (event) => event.type === 'BASKET_ADDED',
    );
    await vi.waitFor(() => {
      expect(hook.received.length).toBeGreaterThanOrEqual(1);
    }, WAIT);
    const queued = await deliveries(String(webhook.id));
    expect(queued.map((delivery) => delivery.event_type)).toEqual(['BASKET_ADDED']);
    expect(hook.received.map((request) => request.id)).toEqual([added?.id]);
    expect(
      signatureIsValid(secret, hook.received[0] ?? { id: '', headers: {}, body: '', at: 0 }),
    ).toBe(true);
  });

  it('a disabled webhook gets nothing more: its pending delivery is given up and new events are not queued', async () => {
    const failing = await receiver(() => 503);
    const webhook = await register({ url: failing.url, event_types: '*' });
    const webhookId = String(webhook.id);
    await recordEvent(engine.db.kysely, {
      chainId: 1,
      type: 'VOUCHER_EXPIRED',
      subject: 'disabled-subject',
      payload: {},
      at: Date.now(),
    });
    await vi.waitFor(() => {
      expect(failing.received.length).toBeGreaterThanOrEqual(1);
    }, WAIT);
    const disabled = await call(engine.url, `/admin/webhooks/${webhookId}`, {
      method: 'DELETE',
      session: admin,
    });
    expect(disabled.status).toBe(200);
    expect(resultsOf(disabled).webhook).toMatchObject({
      id: webhookId,
      disabled_at: expect.any(String) as unknown,
    });

    // a live webhook registered after it receives the next event: by then the worker has run
    const sentinel = await receiver();
    await register({ url: sentinel.url, event_types: '*' });
    await sale();
    await vi.waitFor(() => {
      expect(sentinel.received.length).toBeGreaterThanOrEqual(5);
    }, WAIT);

    const [only, ...others] = await deliveries(webhookId);
    expect(others).toEqual([]);
    expect(only?.status).toBe('failed');
    const attempts = Array.isArray(only?.attempts) ? only.attempts : [];
    // every request it got is a recorded attempt, made before it was disabled
    expect(failing.received).toHaveLength(attempts.length);
  });

  it('a redirect or 410 Gone fails the delivery at once: no redirect is followed, and another attempt would get the same answer', async () => {
    // the redirect's target is an allowed receiver too: only not following redirects keeps it empty
    const target = await receiver();
    const moved = await receiver(() => ({ redirect: 302, location: target.url }));
    const gone = await receiver(() => 410);
    const movedHook = await register({ url: moved.url, event_types: ['VOUCHER_DELETED'] });
    const goneHook = await register({ url: gone.url, event_types: ['VOUCHER_DELETED'] });
    await recordEvent(engine.db.kysely, {
      chainId: 1,
      type: 'VOUCHER_DELETED',
      subject: 'final-subject',
      payload: {},
      at: Date.now(),
    });
    for (const [hook, webhook, reason] of [
      [moved, movedHook, `answered 302: a redirect to ${target.url}, not followed`],
      [gone, goneHook, 'answered 410: gone, the receiver takes no more deliveries'],
    ] as const) {
      const webhookId = String(webhook.id);
      await vi.waitFor(async () => {
        const [delivery] = await deliveries(webhookId);
        expect(delivery?.status).toBe('failed');
      }, WAIT);
      const [delivery] = await deliveries(webhookId);
      expect(delivery?.attempts).toEqual([
        { at: expect.any(String) as unknown, outcome: NOT_ACCEPTED },
      ]);
      expect(hook.received).toHaveLength(1);
      expect(failureReasons(logged, hook.url)).toEqual([reason]);
    }
    expect(target.received).toEqual([]);
  });

  it('never reads the receiver’s answer: an endless body is cut off and the delivery counts', async () => {
    const endless = await receiver(() => 'endless');
    const webhook = await register({ url: endless.url, event_types: ['VOUCHER_DELETED'] });
    await recordEvent(engine.db.kysely, {
      chainId: 1,
      type: 'VOUCHER_DELETED',
      subject: 'endless-subject',
      payload: {},
      at: Date.now(),
    });
    await vi.waitFor(async () => {
      const [delivery] = await deliveries(String(webhook.id));
      expect(delivery?.status).toBe('delivered');
    }, WAIT);
    const [delivery] = await deliveries(String(webhook.id));
    expect(delivery?.attempts).toMatchObject([{ outcome: DELIVERED }]);
    await vi.waitFor(() => {
      expect(endless.cutOff()).toBe(1);
    }, WAIT);
  });

  it('an attempt recorded after its lease was taken over is kept, but leaves the delivery to the new holder', async () => {
    let answer: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const late = await receiver(() => ({ status: 200, after: held }));
    const webhook = await register({ url: late.url, event_types: ['VOUCHER_DELETED'] });
    await recordEvent(engine.db.kysely, {
      chainId: 1,
      type: 'VOUCHER_DELETED',
      subject: 'late-subject',
      payload: {},
      at: Date.now(),
    });
    await vi.waitFor(() => {
      expect(late.received).toHaveLength(1);
    }, WAIT);
    // as another process does once the lease is over: claims the delivery with a lease of its own
    const { id } = await engine.db.kysely
      .selectFrom('webhook_deliveries')
      .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
      .select('webhook_deliveries.id')
      .where('webhooks.uuid', '=', String(webhook.id))
      .executeTakeFirstOrThrow();
    const otherLease = Date.now() + 3_600_000;
    await engine.db.kysely
      .updateTable('webhook_deliveries')
      .set({ next_attempt_at: otherLease })
      .where('id', '=', id)
      .execute();
    answer();
    await vi.waitFor(async () => {
      const [delivery] = await deliveries(String(webhook.id));
      expect(delivery?.attempts).toMatchObject([{ outcome: DELIVERED }]);
    }, WAIT);
    const row = await engine.db.kysely
      .selectFrom('webhook_deliveries')
      .select(['status', 'attempts', 'next_attempt_at', 'delivered_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      status: 'pending',
      attempts: 1,
      next_attempt_at: otherLease,
      delivered_at: null,
    });
  });

  it('admin endpoints: list without secrets, named errors for bad fields and unknown ids', async () => {
    const webhook = await register({ url: 'https://example.test/hook', event_types: '*' });
    const listed = await call(engine.url, '/admin/webhooks', { session: admin });
    expect(listed.status).toBe(200);
    const list = resultsOf(listed).webhooks;
    expect(
      Array.isArray(list) && list.some((entry) => isRecord(entry) && entry.id === webhook.id),
    ).toBe(true);
    expect(JSON.stringify(listed.body)).not.toContain(String(webhook.secret));

    for (const [body, field] of [
      [{ url: 'ftp://example.test/hook', event_types: '*' }, 'url'],
      [{ url: '/relative', event_types: '*' }, 'url'],
      // credentials in a URL would be stored and listed in the clear
      [{ url: 'https://user:pass@127.0.0.1:1/', event_types: '*' }, 'url'],
      [{ event_types: '*' }, 'url'],
      [{ url: 'https://example.test', event_types: 'BURNED_VOUCHER NOPE' }, 'event_types'],
      [{ url: 'https://example.test', event_types: '* BURNED_VOUCHER' }, 'event_types'],
      [{ url: 'https://example.test', event_types: [] }, 'event_types'],
      [{ url: 'https://example.test', event_types: '*', secret: 'short' }, 'secret'],
      // a secret is a Standard Webhooks key: whsec_ and the base64 of 24 to 64 bytes
      [
        { url: 'https://example.test', event_types: '*', secret: 'a-test-secret-of-some-length' },
        'secret',
      ],
      [{ url: 'https://example.test', event_types: '*', secret: 'whsec_c2hvcnQ=' }, 'secret'],
    ] as const) {
      const answer = await call(engine.url, '/admin/webhooks', { session: admin, json: body });
      expect(answer.status).toBe(400);
      expect(errorOf(answer).name).toBe('invalid_parameters');
      expect(errorOf(answer).description).toContain(field);
    }

    // an unknown id is not found; one that is not an id at all is a bad parameter naming `id`
    const unknownId = '00000000-0000-4000-8000-000000000000';
    for (const [id, status, name, mentioned] of [
      [unknownId, 404, 'webhook_not_found', unknownId],
      ['not-a-uuid', 400, 'invalid_parameters', 'id'],
    ] as const) {
      const removed = await call(engine.url, `/admin/webhooks/${id}`, {
        method: 'DELETE',
        session: admin,
      });
      const history = await call(engine.url, `/admin/webhooks/${id}/deliveries`, {
        session: admin,
      });
      for (const answer of [removed, history]) {
        expect(answer.status).toBe(status);
        expect(errorOf(answer).name).toBe(name);
        expect(errorOf(answer).description).toContain(mentioned);
      }
    }

    const denied = await call(engine.url, '/admin/webhooks', {
      session: till,
      json: { url: 'https://example.test', event_types: '*' },
    });
    expect(denied.status).toBe(403);
  });

  describe('a receiver that never answers', () => {
    let slow: TestEngine;
    const slowLog = captureLog();
    beforeAll(async () => {
      slow = await startTestEngine(database, {
        demo: true,
        log: slowLog.log,
        webhooks: {
          ...ALLOW_TEST_RECEIVERS,
          pollMs: 10,
          timeoutMs: 100,
          baseDelayMs: 50,
          maxDelayMs: 100,
          retryForMs: 600,
        },
      });
    });
    afterAll(async () => slow.close());

    it('does not fail the request that caused the event; its delivery is retried, then given up', async () => {
      const hook = await receiver(() => 'never');
      const slowAdmin = await loginAs(slow.url, 'admin', 'demo-admin');
      const slowTill = await loginAs(slow.url, 'till-s001-01', 'demo-till');
      const created = await call(slow.url, '/admin/webhooks', {
        session: slowAdmin,
        json: { url: hook.url, event_types: 'BASKET_ADDED' },
      });
      const { webhook } = resultsOf(created);
      const webhookId = isRecord(webhook) ? String(webhook.id) : '';
      const answer = await call(slow.url, '/auth/add-basket', {
        session: slowTill,
        json: basketRequest(`NEVER-${next()}`, [item('line_1', 3)], { member: null }),
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ result: { status: 'ok' }, results: { replayed: false } });

      const historyOf = async () => {
        const history = await call(slow.url, `/admin/webhooks/${webhookId}/deliveries`, {
          session: slowAdmin,
        });
        const list = resultsOf(history).deliveries;
        return Array.isArray(list) ? list.filter(isRecord) : [];
      };
      await vi.waitFor(async () => {
        const [delivery] = await historyOf();
        expect(delivery?.status).toBe('failed');
      }, WAIT);
      const [delivery] = await historyOf();
      const attempts = Array.isArray(delivery?.attempts) ? delivery.attempts.filter(isRecord) : [];
      expect(attempts.length).toBeGreaterThanOrEqual(2);
      expect(attempts.map((attempt) => attempt.outcome)).toEqual(attempts.map(() => NOT_ACCEPTED));
      expect(failureReasons(slowLog, hook.url)).toEqual(
        attempts.map(() => 'no answer within 100 ms'),
      );
      expect(hook.received).toHaveLength(attempts.length);
    });
  });

  describe('receivers that never answer, with a long timeout', () => {
    const PATIENT: Partial<WebhookSettings> = { ...FAST, timeoutMs: 60_000, retryForMs: 600_000 };
    let patient: TestEngine;
    beforeAll(async () => {
      patient = await startTestEngine(database, { demo: true, webhooks: PATIENT });
    });
    // returns although two sends still wait on the dead receiver: stopping abandons them
    afterAll(async () => patient.close());

    const expiry = (subject: string) =>
      recordEvent(patient.db.kysely, {
        chainId: 1,
        type: 'VOUCHER_EXPIRED',
        subject,
        payload: {},
        at: Date.now(),
      });

    it('a dead receiver holds only its own slots: another receiver still gets its events', async () => {
      const dead = await receiver(() => 'never');
      const deadHook = await createWebhook(
        patient.db.kysely,
        1,
        { url: dead.url, eventTypes: ['VOUCHER_EXPIRED'] },
        Date.now(),
      );
      // more deliveries to the dead receiver than there are sending slots in all
      for (let n = 0; n < 20; n += 1) await expiry(`dead-${n}`);
      await vi.waitFor(() => {
        expect(dead.received.length).toBeGreaterThanOrEqual(1);
      }, WAIT);

      const healthy = await receiver();
      const healthyHook = await createWebhook(
        patient.db.kysely,
        1,
        { url: healthy.url, eventTypes: ['VOUCHER_EXPIRED'] },
        Date.now(),
      );
      await expiry('both');
      await vi.waitFor(() => {
        expect(healthy.received).toHaveLength(1);
      }, WAIT);
      expect(dead.received.length).toBeLessThanOrEqual(2);
      for (const hook of [deadHook, healthyHook])
        expectOk(await disableWebhook(patient.db.kysely, 1, hook.id, Date.now()));
    });

    it('stopping the engine abandons a send on its way: it returns, and the delivery stays pending with no failed attempt', async () => {
      const dead = await receiver(() => 'never');
      const created = await database.create();
      try {
        const sender = await start({
          ...created.options,
          log: pino({ level: 'silent' }),
          demo: true,
          webhooks: PATIENT,
        });
        await createWebhook(
          sender.db.kysely,
          1,
          { url: dead.url, eventTypes: ['VOUCHER_EXPIRED'] },
          Date.now(),
        );
        await recordEvent(sender.db.kysely, {
          chainId: 1,
          type: 'VOUCHER_EXPIRED',
          subject: 'stopped-subject',
          payload: {},
          at: Date.now(),
        });
        await vi.waitFor(() => {
          expect(dead.received).toHaveLength(1);
        }, WAIT);
        await sender.stop();

        const db = connect(
          created.options.databaseUrl,
          created.options.schema === undefined ? {} : { schema: created.options.schema },
        );
        try {
          const rows = await db.kysely
            .selectFrom('webhook_deliveries')
            .select(['status', 'attempts'])
            .execute();
          expect(rows).toEqual([{ status: 'pending', attempts: 0 }]);
          expect(await db.kysely.selectFrom('webhook_attempts').selectAll().execute()).toEqual([]);
        } finally {
          await db.close();
        }
      } finally {
        await created.drop();
      }
    });
  });

  // skipped on SQLite, which serves one engine process per file (start-up.test.ts shows a second one refused)
  describe.skipIf(database.name === 'sqlite')(
    'two engine processes on one database (PostgreSQL only: an SQLite file serves one engine process)',
    () => {
      let engines: RunningEngine[] = [];
      let drop: () => Promise<void> = () => Promise.resolve();
      beforeAll(async () => {
        engines = await startTwo(database);
      });
      afterAll(async () => {
        for (const running of engines) await running.stop();
        await drop();
      });

      async function startTwo(db: TestDatabase): Promise<RunningEngine[]> {
        const created = await db.create();
        drop = () => created.drop();
        const options = { ...created.options, log: pino({ level: 'silent' }), webhooks: FAST };
        const first = await start({ ...options, demo: true });
        const second = await start(options);
        return [first, second];
      }

      it('never send the same delivery twice', async () => {
        const hook = await receiver();
        const [first] = engines;
        if (!first) throw new Error('no engine');
        const firstAdmin = await loginAs(first.url, 'admin', 'demo-admin');
        await call(first.url, '/admin/webhooks', {
          session: firstAdmin,
          json: { url: hook.url, event_types: '*' },
        });
        const count = 40;
        for (let n = 0; n < count; n += 1) {
          await recordEvent(first.db.kysely, {
            chainId: 1,
            type: 'VOUCHER_EXPIRED',
            subject: `pair-${n}`,
            payload: {},
            at: Date.now(),
          });
        }
        await vi.waitFor(async () => {
          const delivered = await first.db.kysely
            .selectFrom('webhook_deliveries')
            .select('id')
            .where('status', '=', 'delivered')
            .execute();
          expect(delivered).toHaveLength(count);
        }, WAIT);
        expect(hook.received).toHaveLength(count);
        expect(new Set(hook.received.map((request) => request.id)).size).toBe(count);
        const attempts = await first.db.kysely
          .selectFrom('webhook_attempts')
          .select('id')
          .execute();
        expect(attempts).toHaveLength(count);
      });
    },
  );
});
