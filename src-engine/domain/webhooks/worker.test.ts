import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { migrateToLatest } from '../../db/migrate';
import { useFreshSqlite } from '../../../test-support/engine/fresh-sqlite';
import { startReceiver, type Receiver } from '../../../test-support/engine/webhook-receiver';
import { createChain } from '../admin';
import { recordEvent } from '../events/record';
import { allowList } from './addresses';
import { systemResolve } from './destination';
import { createWebhook } from './subscriptions';
import { startDeliveryWorker, type DeliveryWorker } from './worker';

/** Runs `onClaim` as the worker's first claim (its first update) goes to the database. */
class AtFirstClaim implements KyselyPlugin {
  private fired = false;
  constructor(private readonly onClaim: () => void) {}
  transformQuery(args: PluginTransformQueryArgs): PluginTransformQueryArgs['node'] {
    if (!this.fired && args.node.kind === 'UpdateQueryNode') {
      this.fired = true;
      this.onClaim();
    }
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<PluginTransformResultArgs['result']> {
    return Promise.resolve(args.result);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the delivery worker', () => {
  const fresh = useFreshSqlite();
  let receiver: Receiver | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  it(
    'stopped while it claims a delivery: sends nothing, records no attempt, and returns at once',
    { timeout: 15_000 },
    async () => {
      const db = await fresh();
      await migrateToLatest(db);
      const dead = await startReceiver(() => 'never');
      receiver = dead;
      const chainId = await createChain(
        db.kysely,
        { name: 'Stopping', currency: 'EUR', timezone: 'Europe/Amsterdam' },
        Date.now(),
      );
      await createWebhook(db.kysely, chainId, { url: dead.url, eventTypes: ['*'] }, Date.now());
      await recordEvent(db.kysely, {
        chainId,
        type: 'VOUCHER_EXPIRED',
        subject: 'stopped-while-claiming',
        payload: {},
        at: Date.now(),
      });

      let stopped: Promise<'stopped'> | undefined;
      const worker: DeliveryWorker = startDeliveryWorker(
        db.kysely.withPlugin(
          new AtFirstClaim(() => {
            stopped = worker.stop().then(() => 'stopped' as const);
          }),
        ),
        {
          pollMs: 10,
          timeoutMs: 30_000,
          baseDelayMs: 20,
          maxDelayMs: 80,
          retryForMs: 600_000,
          allowHttp: true,
          allowHosts: ['127.0.0.1'],
        },
        // the receiver is allowed: what keeps it from getting the event is the stop alone
        { allowHttp: true, allowList: allowList(['127.0.0.1']), resolve: systemResolve },
        Date.now,
        pino({ level: 'silent' }),
      );
      await vi.waitFor(() => {
        expect(stopped).toBeDefined();
      });
      // the attempt's timeout is 30 s: a send made after the stop would hold stop() that long
      expect(await Promise.race([stopped, sleep(5000).then(() => 'still waiting')])).toBe(
        'stopped',
      );

      expect(dead.received).toEqual([]);
      expect(await db.kysely.selectFrom('webhook_attempts').selectAll().execute()).toEqual([]);
      expect(
        await db.kysely.selectFrom('webhook_deliveries').select(['status', 'attempts']).execute(),
      ).toEqual([{ status: 'pending', attempts: 0 }]);
    },
  );
});
