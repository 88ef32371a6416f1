import pino, { type Logger } from 'pino';
import { createApp, engineRoutes, type EngineRoute } from './app';
import { connect, reach, type Db, type PostgresLimits } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { bootstrap, seedDemo, type DemoData } from './domain/demo';
import {
  AttemptLimits,
  DEFAULT_ATTEMPT_LIMITS,
  type AttemptLimitSettings,
} from './domain/attempt-limits';
import { DEFAULT_EVENT_RETENTION_MS, startEventPruner } from './domain/events/retention';
import { allowList } from './domain/webhooks/addresses';
import { systemResolve, type Resolve } from './domain/webhooks/destination';
import { DEFAULT_WEBHOOK_SETTINGS, type WebhookSettings } from './domain/webhooks/settings';
import { startDeliveryWorker } from './domain/webhooks/worker';
import { DEFAULT_SHUTDOWN_DRAIN_MS, listen } from './listener';
import { loadTls, type TlsSettings } from './tls';

export interface StartOptions {
  readonly port?: number;
  readonly host?: string;
  /** A certificate and key (PEM files) to serve HTTPS with; plain HTTP without. */
  readonly tls?: TlsSettings;
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
  /**
   * Where webhooks may go and the delivery worker's timing (tests use short ones); unset fields
   * keep their defaults.
   */
  readonly webhooks?: Partial<WebhookSettings>;
  /** How webhook hosts are resolved, at registration and at connect time; default the system's. */
  readonly resolve?: Resolve;
  /** How long events (with their finished webhook deliveries) are kept; default 90 days. */
  readonly eventRetentionMs?: number;
  /** Limits on logins and lookups; unset fields keep their defaults. */
  readonly attemptLimits?: Partial<AttemptLimitSettings>;
  /** Express's `trust proxy`: which proxies' X-Forwarded-For names the caller's address. */
  readonly trustProxy?: string;
  /** How long `stop()` lets the requests already received finish before it cuts them. */
  readonly shutdownDrainMs?: number;
}

export interface RunningEngine {
  readonly url: string;
  readonly port: number;
  readonly db: Db;
  readonly demo: DemoData | null;
  /** Every call this engine answers. */
  readonly routes: readonly EngineRoute[];
  stop(): Promise<void>;
}

/**
 * Starts the engine: checks its TLS files, connects, migrates, seeds on request, listens. A bad
 * TLS setting, a port in use or a database that cannot be reached or opened rejects with an
 * EngineStartError. `stop()` undoes all of it:
 * it stops accepting, lets the requests already received finish (within `shutdownDrainMs`),
 * then stops the workers and closes the database.
 */
export async function start(options: StartOptions = {}): Promise<RunningEngine> {
  const log = options.log ?? pino({ level: process.env.LOG_LEVEL ?? 'info' });
  const now = options.now ?? (() => Date.now());
  const tls = loadTls(options.tls);
  const db = connect(options.databaseUrl, {
    ...(options.schema ? { schema: options.schema } : {}),
    ...(options.postgres ? { postgres: options.postgres } : {}),
    log,
  });
  try {
    await reach(db);
    await migrateToLatest(db);
    let demo: DemoData | null = null;
    if (options.demo) {
      const chains = await db.kysely.selectFrom('chains').select('id').execute();
      if (chains.length === 0) demo = await seedDemo(db.kysely, now());
      else log.warn('--demo ignored: the database is not empty');
    }
    if (await bootstrap(db.kysely, options.bootstrapApiKey, now()))
      log.info('bootstrap API key stored for chain 1');
    const webhooks = { ...DEFAULT_WEBHOOK_SETTINGS, ...options.webhooks };
    const webhookDestinations = {
      allowHttp: webhooks.allowHttp,
      allowList: allowList(webhooks.allowHosts),
      resolve: options.resolve ?? systemResolve,
    };
    const deps = {
      db,
      log,
      now,
      sessionSeconds: options.sessionSeconds ?? 12 * 3600,
      limits: new AttemptLimits({ ...DEFAULT_ATTEMPT_LIMITS, ...options.attemptLimits }),
      webhookDestinations,
    };
    const app = createApp(deps);
    if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);
    const host = options.host ?? '127.0.0.1';
    const listener = await listen(app, host, options.port ?? 0, tls);
    const { url, port } = listener;
    log.info({ url, database: db.location, dialect: db.dialect }, 'voucher engine listening');
    const worker = startDeliveryWorker(db.kysely, webhooks, webhookDestinations, now, log);
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
      routes: engineRoutes(deps),
      stop: async () => {
        const drainMs = options.shutdownDrainMs ?? DEFAULT_SHUTDOWN_DRAIN_MS;
        const { cut } = await listener.close(drainMs);
        if (cut > 0)
          log.warn({ cut, drainMs }, 'requests still running after the drain time were cut');
        await Promise.all([worker.stop(), pruner.stop()]);
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
