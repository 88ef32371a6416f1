import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../src-engine/config';
import { connect } from '../../src-engine/db/connect';
import type { DeliveryStatus } from '../../src-engine/db/schema';
import { recordEvent } from '../../src-engine/domain/events/record';
import { DAY_MS, pruneEvents, startEventPruner } from '../../src-engine/domain/events/retention';
import { createWebhook } from '../../src-engine/domain/webhooks/subscriptions';
import { start } from '../../src-engine/server';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';

const T0 = Date.UTC(2025, 0, 1);
/** Nothing listens there, and the worker never polls in these tests anyway. */
const NOWHERE = 'http://127.0.0.1:9/hook';
const IDLE_WORKER = { pollMs: 600_000 };

describeEachDatabase('event retention', (database) => {
  let engine: TestEngine | undefined;
  let clock = T0;

  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  async function startEngine(): Promise<TestEngine> {
    clock = T0;
    engine = await startTestEngine(database, {
      demo: true,
      now: () => clock,
      eventRetentionMs: DAY_MS,
      webhooks: IDLE_WORKER,
    });
    return engine;
  }

  async function record(running: TestEngine, subject: string): Promise<number> {
    await recordEvent(running.db.kysely, {
      chainId: 1,
      type: 'VOUCHER_EXPIRED',
      subject,
      payload: { benefitId: subject },
      at: clock,
    });
    const row = await running.db.kysely
      .selectFrom('events')
      .select('id')
      .where('subject', '=', subject)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Gives the event's deliveries these statuses, in delivery order, each with one attempt. */
  async function settle(
    running: TestEngine,
    eventId: number,
    statuses: readonly DeliveryStatus[],
  ): Promise<void> {
    const db = running.db.kysely;
    const deliveries = await db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('event_id', '=', eventId)
      .orderBy('id')
      .execute();
    expect(deliveries).toHaveLength(statuses.length);
    for (const [index, delivery] of deliveries.entries()) {
      const status = statuses[index] ?? 'pending';
      await db
        .insertInto('webhook_attempts')
        .values({
          delivery_id: delivery.id,
          at: clock,
          status_code: status === 'delivered' ? 200 : 500,
          error: null,
          duration_ms: 3,
        })
        .execute();
      await db
        .updateTable('webhook_deliveries')
        .set({
          status,
          attempts: 1,
          delivered_at: status === 'delivered' ? clock : null,
        })
        .where('id', '=', delivery.id)
        .execute();
    }
  }

  async function subscribe(running: TestEngine, count: number): Promise<void> {
    for (let i = 0; i < count; i += 1)
      await createWebhook(running.db.kysely, 1, { url: NOWHERE, eventTypes: ['*'] }, clock);
  }

  async function remaining(running: TestEngine) {
    const db = running.db.kysely;
    const events = await db.selectFrom('events').select(['id', 'subject']).execute();
    const deliveries = await db
      .selectFrom('webhook_deliveries')
      .select(['id', 'event_id'])
      .execute();
    const attempts = await db.selectFrom('webhook_attempts').select('delivery_id').execute();
    return {
      subjects: events.map((event) => event.subject),
      deliveryEvents: new Set(deliveries.map((delivery) => delivery.event_id)),
      attemptDeliveries: new Set(attempts.map((attempt) => attempt.delivery_id)),
      deliveryIds: new Set(deliveries.map((delivery) => delivery.id)),
    };
  }

  it('removes old events whose deliveries finished, with their deliveries and attempts; keeps recent ones and pending ones', async () => {
    const running = await startEngine();
    await record(running, 'old-no-webhooks');
    await subscribe(running, 2);
    const delivered = await record(running, 'old-delivered');
    await settle(running, delivered, ['delivered', 'delivered']);
    const mixed = await record(running, 'old-failed-and-delivered');
    await settle(running, mixed, ['failed', 'delivered']);
    const pending = await record(running, 'old-one-pending');
    await settle(running, pending, ['delivered', 'pending']);
    const untried = await record(running, 'old-never-tried');

    clock = T0 + 2 * DAY_MS;
    const recent = await record(running, 'recent-delivered');
    await settle(running, recent, ['delivered', 'failed']);
    const before = clock - DAY_MS;
    const old = await running.db.kysely
      .selectFrom('events')
      .select('id')
      .where('reported_at', '<', before)
      .execute();

    const removed = await pruneEvents(running.db.kysely, before);

    // every old event but the two with a pending delivery (the demo's own events too)
    expect(removed).toBe(old.length - 2);
    const after = await remaining(running);
    expect(after.subjects).toEqual(
      expect.arrayContaining(['old-one-pending', 'old-never-tried', 'recent-delivered']),
    );
    for (const gone of ['old-no-webhooks', 'old-delivered', 'old-failed-and-delivered'])
      expect(after.subjects).not.toContain(gone);
    const oldLeft = await running.db.kysely
      .selectFrom('events')
      .select('id')
      .where('reported_at', '<', before)
      .execute();
    expect(oldLeft.map((event) => event.id).sort((a, b) => a - b)).toEqual([pending, untried]);
    expect([...after.deliveryEvents].sort((a, b) => a - b)).toEqual([pending, untried, recent]);
    expect(after.deliveryIds.size).toBe(6);
    // the attempts left are those of the pending event's and the recent event's deliveries
    expect(after.attemptDeliveries.size).toBe(4);
    for (const deliveryId of after.attemptDeliveries)
      expect(after.deliveryIds.has(deliveryId)).toBe(true);

    // nothing more to do: a second pass removes nothing
    expect(await pruneEvents(running.db.kysely, before)).toBe(0);
  });

  it('prunes in batches until none is left, and stops between batches when told to', async () => {
    const running = await startEngine();
    await subscribe(running, 1);
    const ids: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const id = await record(running, `batch-${i}`);
      await settle(running, id, [i % 2 === 0 ? 'delivered' : 'failed']);
      ids.push(id);
    }
    clock = T0 + 2 * DAY_MS;
    const before = clock - DAY_MS;
    const countOld = async () =>
      (
        await running.db.kysely
          .selectFrom('events')
          .select('id')
          .where('reported_at', '<', before)
          .execute()
      ).length;
    const old = await countOld();
    expect(old).toBeGreaterThanOrEqual(7);

    const stopped = new AbortController();
    stopped.abort();
    expect(
      await pruneEvents(running.db.kysely, before, { batchSize: 2, signal: stopped.signal }),
    ).toBe(2);
    expect(await countOld()).toBe(old - 2);

    expect(await pruneEvents(running.db.kysely, before, { batchSize: 2 })).toBe(old - 2);
    expect(await countOld()).toBe(0);
    const left = await remaining(running);
    expect(left.deliveryIds.size).toBe(0);
    expect(left.attemptDeliveries.size).toBe(0);
    await expect(pruneEvents(running.db.kysely, before, { batchSize: 0 })).rejects.toThrow(
      RangeError,
    );
  });

  it('start() runs a pass with the configured retention, and stop() waits for it', async () => {
    const created = await database.create();
    try {
      clock = T0;
      const first = await start({
        ...created.options,
        log: pino({ level: 'silent' }),
        demo: true,
        now: () => clock,
        webhooks: IDLE_WORKER,
      });
      await recordEvent(first.db.kysely, {
        chainId: 1,
        type: 'VOUCHER_EXPIRED',
        subject: 'from-the-first-run',
        payload: {},
        at: clock,
      });
      await first.stop();

      // ten days on, with the default retention (90 days) nothing goes …
      clock = T0 + 10 * DAY_MS;
      const keeping = await start({
        ...created.options,
        log: pino({ level: 'silent' }),
        now: () => clock,
        webhooks: IDLE_WORKER,
      });
      await keeping.stop();
      // a connection of its own between the runs: an engine holds an SQLite file alone
      const count = async () => {
        const check = connect(created.options.databaseUrl, {
          ...(created.options.schema ? { schema: created.options.schema } : {}),
        });
        try {
          return (await check.kysely.selectFrom('events').select('id').execute()).length;
        } finally {
          await check.close();
        }
      };
      expect(await count()).toBeGreaterThan(0);

      // … and with a retention of a week, everything from the first run goes
      const pruning = await start({
        ...created.options,
        log: pino({ level: 'silent' }),
        now: () => clock,
        webhooks: IDLE_WORKER,
        eventRetentionMs: 7 * DAY_MS,
      });
      await pruning.stop();
      expect(await count()).toBe(0);
    } finally {
      await created.drop();
    }
  });
});

describe('event pruner', () => {
  it('logs a failing pass instead of throwing, and stops cleanly', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    // an unmigrated database: the pass fails on the missing tables
    const dir = mkdtempSync(join(tmpdir(), 'voucher-engine-'));
    const db = connect(join(dir, 'unmigrated.sqlite'));
    try {
      const pruner = startEventPruner(db.kysely, DAY_MS, () => T0, pino(sink));
      await pruner.stop();
      const logged = lines.map((line) => JSON.parse(line) as { level: number; msg: string });
      expect(logged).toEqual([expect.objectContaining({ level: 50, msg: 'event pruning failed' })]);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ENGINE_EVENT_RETENTION_DAYS', () => {
  it('defaults to 90 days and takes 1 to 3650', () => {
    const read = (value?: string) =>
      readConfig(value === undefined ? {} : { ENGINE_EVENT_RETENTION_DAYS: value });
    const days = (value?: string) => {
      const result = read(value);
      return result.ok ? result.config.ENGINE_EVENT_RETENTION_DAYS : result.message;
    };
    expect(days()).toBe(90);
    expect(days('1')).toBe(1);
    expect(days('3650')).toBe(3650);
    for (const bad of ['0', '3651', '1.5', 'a week'])
      expect(days(bad)).toMatch(/ENGINE_EVENT_RETENTION_DAYS/);
  });
});
