import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { createApp } from './app';
import { connect, type Db, type PostgresLimits } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { bootstrap, seedDemo, type DemoData } from './domain/demo';
import { DEFAULT_EVENT_RETENTION_MS, startEventPruner } from './domain/events/retention';
import { DEFAULT_WEBHOOK_SETTINGS, type WebhookSettings } from './domain/webhooks/settings';
import { startDeliveryWorker } from './domain/webhooks/worker';

export interface StartOptions {
  readonly port?: number;
  readonly host?: string;
  readonly databaseUrl?: string;
  /** PostgreSQL only: the schema to use (tests use a fresh one per run). */
  readonly schema?: string;
  /** PostgreSQL only: connect and statement timeouts; unset fields keep their defaults. */
  readonly postgres?: Partial<PostgresLimits>;
  /** Seed the demo chain when the database is empty. */
  readonly demo?: boolean;
  readonly bootstrapApiKey?: string;
  readonly sessionSeconds?: number;
  readonly log?: Logger;
  readonly now?: () => number;
  /** The webhook delivery worker's timing (tests use short ones); unset fields keep their defaults. */
  readonly webhooks?: Partial<WebhookSettings>;
  /** How long events (with their finished webhook deliveries) are kept; default 90 days. */
  readonly eventRetentionMs?: number;
}

export interface RunningEngine {
  readonly url: string;
  readonly port: number;
  readonly db: Db;
  readonly demo: DemoData | null;
  stop(): Promise<void>;
}

/** Starts the engine: connects, migrates, seeds on request, listens. `stop()` undoes all of it. */
export async function start(options: StartOptions = {}): Promise<RunningEngine> {
  const log = options.log ?? pino({ level: process.env.LOG_LEVEL ?? 'info' });
  const now = options.now ?? Date.now;
  const db = connect(options.databaseUrl, {
    ...(options.schema ? { schema: options.schema } : {}),
    ...(options.postgres ? { postgres: options.postgres } : {}),
    log,
  });
  try {
    await migrateToLatest(db);
    let demo: DemoData | null = null;
    if (options.demo) {
      const chains = await db.kysely.selectFrom('chains').select('id').execute();
      if (chains.length === 0) demo = await seedDemo(db.kysely, now());
      else log.warn('--demo ignored: the database is not empty');
    }
    if (await bootstrap(db.kysely, options.bootstrapApiKey, now()))
      log.info('bootstrap API key stored for chain 1');
    const deps = { db, log, now, sessionSeconds: options.sessionSeconds ?? 12 * 3600 };
    const app = createApp(deps);
    const host = options.host ?? '127.0.0.1';
    const server = await new Promise<Server>((resolve, reject) => {
      const listening = app.listen(options.port ?? 0, host, () => {
        resolve(listening);
      });
      listening.once('error', reject);
    });
    const { port } = server.address() as AddressInfo;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    log.info({ url, database: db.location, dialect: db.dialect }, 'voucher engine listening');
    const worker = startDeliveryWorker(
      db.kysely,
      { ...DEFAULT_WEBHOOK_SETTINGS, ...options.webhooks },
      now,
      log,
    );
    const pruner = startEventPruner(
      db.kysely,
      options.eventRetentionMs ?? DEFAULT_EVENT_RETENTION_MS,
      now,
      log,
    );
    return {
      url,
      port,
      db,
      demo,
      stop: async () => {
        await Promise.all([worker.stop(), pruner.stop()]);
        server.closeAllConnections();
        await new Promise<void>((resolve) =>
          server.close(() => {
            resolve();
          }),
        );
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
