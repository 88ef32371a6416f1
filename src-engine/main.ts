/**
 * `npm run engine [-- --demo]`: starts the voucher engine from the environment (see config.ts).
 * `npm run engine:migrate`: runs the migrations and exits.
 */
import pino from 'pino';
import { readConfig } from './config';
import { connect, reach } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { DEMO_ACCOUNTS } from './domain/demo';
import { DAY_MS } from './domain/events/retention';
import { start } from './server';
import { EngineStartError } from './start-error';

const args = new Set(process.argv.slice(2));
const known = new Set(['--demo', '--migrate-only']);
const unknown = [...args].filter((arg) => !known.has(arg));
if (unknown.length > 0) {
  console.error(`unknown option ${unknown.join(' ')}; known: --demo, --migrate-only`);
  process.exit(2);
}

const read = readConfig(process.env);
if (!read.ok) {
  console.error(read.message);
  process.exit(2);
}
const { config } = read;
const schemaOption = config.ENGINE_DATABASE_SCHEMA ? { schema: config.ENGINE_DATABASE_SCHEMA } : {};

const log = pino({ level: process.env.LOG_LEVEL ?? 'info' });

/** A start-up failure is one line on stderr (its cause at the debug level) and exit code 1. */
async function orExit<T>(starting: () => Promise<T>): Promise<T> {
  try {
    return await starting();
  } catch (error) {
    if (!(error instanceof EngineStartError)) throw error;
    log.debug({ err: error.cause }, 'start-up failed');
    console.error(`voucher engine: ${error.message}`);
    process.exit(1);
  }
}

if (args.has('--migrate-only')) {
  await orExit(async () => {
    const db = connect(config.ENGINE_DATABASE_URL, schemaOption);
    try {
      await reach(db);
      const applied = await migrateToLatest(db);
      console.log(
        applied.length ? `applied: ${applied.join(', ')}` : `${db.location} is up to date`,
      );
    } finally {
      await db.close();
    }
  });
  process.exit(0);
}

const engine = await orExit(() =>
  start({
    port: config.ENGINE_PORT,
    host: config.ENGINE_HOST,
    tls: { certFile: config.ENGINE_TLS_CERT, keyFile: config.ENGINE_TLS_KEY },
    databaseUrl: config.ENGINE_DATABASE_URL,
    ...schemaOption,
    postgres: {
      connectTimeoutMs: config.ENGINE_DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: config.ENGINE_DATABASE_STATEMENT_TIMEOUT_MS,
    },
    demo: args.has('--demo'),
    sessionSeconds: config.ENGINE_SESSION_SECONDS,
    webhooks: {
      retryForMs: config.ENGINE_WEBHOOK_RETRY_SECONDS * 1000,
      timeoutMs: config.ENGINE_WEBHOOK_TIMEOUT_MS,
      pollMs: config.ENGINE_WEBHOOK_POLL_MS,
      allowHosts: config.ENGINE_WEBHOOK_ALLOW_HOSTS,
      allowHttp: config.ENGINE_WEBHOOK_ALLOW_HTTP,
    },
    eventRetentionMs: config.ENGINE_EVENT_RETENTION_DAYS * DAY_MS,
    shutdownDrainMs: config.ENGINE_SHUTDOWN_DRAIN_MS,
    ...(config.ENGINE_TRUST_PROXY ? { trustProxy: config.ENGINE_TRUST_PROXY } : {}),
    log,
    ...(config.ENGINE_BOOTSTRAP_API_KEY
      ? { bootstrapApiKey: config.ENGINE_BOOTSTRAP_API_KEY }
      : {}),
  }),
);

if (engine.demo) {
  console.log(`\nDemo data created in ${engine.db.location}
  chain ${engine.demo.chainId} "Demo Retail" (EUR, Europe/Amsterdam), store ${engine.demo.storeCode}
  accounts: ${DEMO_ACCOUNTS.map((a) => `${a.username} / ${a.password} (${a.role})`).join(', ')}
  member 1000001: €5.00 voucher DEMO-5EUR and 10 % voucher DEMO-10PCT, both claimed
  member 1000002: DEMO-UNCLAIMED (not claimed) and DEMO-EXPIRED
  honour vouchers: ${engine.demo.honourCodes[0] ?? ''} … ${engine.demo.honourCodes.at(-1) ?? ''} (honour code FREE-COFFEE)
  honour feed key (demo only; rotate-feed-key before real use): ${engine.demo.feedPublicKey}
  rewards for POST /commands/purchase_reward (rewardId):
    ${engine.demo.rewards.otp}  €5.00 off, a one-time code PROMO-XXXXXX
    ${engine.demo.rewards.pool}  partner cinema ticket, a pool of ${engine.demo.poolCodes.length} codes (low-stock event at 5)
    ${engine.demo.rewards.static}  15 % off, the static code SUMMER15`);
}
console.log(`Engine: ${engine.url}\n`);

// A second signal while the drain runs (a second Ctrl-C) ends the process at once.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) {
      log.warn({ signal }, 'stopping at once: requests still running are cut');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'stopping: no new connections, finishing the requests received');
    void engine.stop().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'the engine did not stop cleanly');
        process.exit(1);
      },
    );
  });
}
