/**
 * `npm run bench:sync`: (1) the time the real outbox worker (`sendOutbox`) takes to drain
 * 10,000 queued sales into a local engine (in-process, SQLite), next to the baseline of the same
 * number of add-basket calls made directly with the engine client in the same run; (2) the
 * lookup time of an honour code (`findCachedHonour`) in a cache of 100,000 vouchers, p50 and p99,
 * next to a primary-key lookup on the same table. Prints figures; asserts nothing.
 * BENCH_SALES and BENCH_HONOUR change the sizes.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import pino from 'pino';
import { start } from '../src-engine/server';
import { voucherObjectSchema } from '../src-shared/wire';
import {
  createEngineClient,
  encodeAddBasket,
  type EncodedAddBasket,
  type HonourFeedChange,
} from '../src-main/engine-client';
import {
  applyHonourPage,
  countOutbox,
  databasePath,
  findCachedHonour,
  openStore,
} from '../src-main/store';
import { queueOfflineSale, TEST_TILL } from '../test-support/till/queued-sale';
import { createConnectivity, PROBE_INTERVAL_MS, sendOutbox } from '../src-main/sync';

const SALES = Number(process.env.BENCH_SALES ?? 10_000);
const HONOUR = Number(process.env.BENCH_HONOUR ?? 100_000);
const LOOKUPS = 20_000;
const log = pino({ level: 'silent' });

const dir = mkdtempSync(join(tmpdir(), 'bench-sync-'));
const engine = await start({ databaseUrl: join(dir, 'engine.sqlite'), demo: true, port: 0, log });
const client = createEngineClient({
  baseUrl: engine.url,
  credentials: { username: 'till-s001-01', password: 'demo-till' },
  timeoutMs: 30_000,
  log,
});

function openTillStore(name: string): Database {
  const opened = openStore(databasePath(join(dir, name)));
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const perSecond = (count: number, ms: number) => Math.round((count * 1000) / ms);
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const micros = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;

try {
  // ---- 1. outbox drain --------------------------------------------------------------------
  const store = openTillStore('till');
  process.stdout.write(`queueing ${SALES} offline sales in the till's store … `);
  const day = new Date();
  const requests: EncodedAddBasket[] = [];
  for (let n = 1; n <= SALES; n += 1) {
    const request = queueOfflineSale(store, {
      basketCode: `S001-01-20261201-${String(n).padStart(5, '0')}`,
      confirmedAt: new Date(day.getTime() - 60_000 + n),
    });
    requests.push(request);
  }
  console.log(`done (outbox: ${countOutbox(store)})`);

  // warm up: the terminal's login and the first request are not part of either figure
  const warm = requests[0];
  if (warm === undefined) throw new Error('no sales queued');
  const warmed = await client.addBasket(recoded(warm, 'WARM-UP-0001'));
  if (!warmed.ok) throw new Error(`the engine refused the warm-up: ${warmed.error.message}`);

  process.stdout.write(`baseline: ${SALES} add-basket calls with the engine client … `);
  const baselineStart = performance.now();
  for (const [index, request] of requests.entries()) {
    const outcome = await client.addBasket(recoded(request, `BASELINE-${index}`));
    if (!outcome.ok) throw new Error(`baseline call ${index}: ${outcome.error.message}`);
  }
  const baselineMs = performance.now() - baselineStart;
  console.log('done');

  process.stdout.write(`draining ${SALES} queued sales with the outbox worker … `);
  const connectivity = createConnectivity({
    probe: async () => (await client.health()).ok,
    probeIntervalMs: PROBE_INTERVAL_MS,
    log,
  });
  const drainStart = performance.now();
  const drained = await sendOutbox({
    db: store,
    engine: client,
    connectivity,
    now: Date.now,
    random: Math.random,
    log,
    resumeConfirm: () => Promise.reject(new Error('the bench queues offline sales only')),
  });
  const drainMs = performance.now() - drainStart;
  connectivity.stop();
  console.log(`done (${drained.kind}, ${drained.sent} sent, outbox: ${countOutbox(store)})`);
  store.close();

  console.log('');
  console.log(`outbox drain, ${SALES} sales into an in-process engine on SQLite`);
  console.log(
    `  outbox worker (sendOutbox)        ${seconds(drainMs).padStart(8)} s  ${String(perSecond(drained.sent, drainMs)).padStart(6)} sales/s`,
  );
  console.log(
    `  baseline: engine client alone     ${seconds(baselineMs).padStart(8)} s  ${String(perSecond(SALES, baselineMs)).padStart(6)} calls/s`,
  );

  // ---- 2. honour lookup -------------------------------------------------------------------
  const feed = await client.syncHonourVouchers({ cursor: 0, limit: 1 });
  if (!feed.ok) throw new Error(`the change feed failed: ${feed.error.message}`);
  const template = feed.value.changes[0];
  if (template === undefined) throw new Error('the demo has no honour voucher');
  const storedTemplate = voucherObjectSchema.parse(JSON.parse(template.stored));
  const cache = openTillStore('cache');
  process.stdout.write(`filling an honour cache with ${HONOUR} vouchers … `);
  const key = (n: number) => createHash('sha256').update(`bench-honour-${n}`).digest('hex');
  const code = (n: number) => `BENCH-HONOUR-${String(n).padStart(6, '0')}`;
  const PAGE = 1000;
  for (let first = 0; first < HONOUR; first += PAGE) {
    const changes: HonourFeedChange[] = [];
    for (let n = first; n < Math.min(HONOUR, first + PAGE); n += 1)
      changes.push({
        rev: n + 1,
        removed: false,
        voucher: { ...template.voucher, key: key(n), code: code(n) },
        stored: JSON.stringify({ ...storedTemplate, voucher_key: key(n), voucher_code: code(n) }),
      });
    applyHonourPage(cache, { changes, nextCursor: first + PAGE }, new Date());
  }
  console.log('done');

  const picks = Array.from({ length: LOOKUPS }, () => Math.floor(Math.random() * HONOUR));
  const time = (lookup: (n: number) => unknown): number[] => {
    const samples: number[] = [];
    for (const n of picks) {
      const begin = performance.now();
      const found = lookup(n);
      samples.push(performance.now() - begin);
      if (found === undefined) throw new Error(`voucher ${n} not found`);
    }
    return samples.sort((a, b) => a - b);
  };
  time((n) => findCachedHonour(cache, code(n))); // warm the page cache
  const byCode = time((n) => findCachedHonour(cache, code(n)));
  const primaryKey = cache.prepare('SELECT voucher FROM honour_cache WHERE voucher_key = ?');
  const keys = new Map(picks.map((n) => [n, key(n)]));
  const byKey = time((n) => primaryKey.get(keys.get(n)));
  cache.close();

  console.log('');
  console.log(`honour code lookup, cache of ${HONOUR} vouchers, ${LOOKUPS} random lookups`);
  console.log(
    `  findCachedHonour(code)            p50 ${micros(percentile(byCode, 50)).padStart(10)}  p99 ${micros(percentile(byCode, 99)).padStart(10)}`,
  );
  console.log(
    `  baseline: prepared PK lookup      p50 ${micros(percentile(byKey, 50)).padStart(10)}  p99 ${micros(percentile(byKey, 99)).padStart(10)}`,
  );
} finally {
  await engine.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** The same queued sale under another basket code, so that the engine takes it as a new one. */
function recoded(request: EncodedAddBasket, basketCode: string): EncodedAddBasket {
  const sale = { ...request.sale(), saleId: basketCode, basketCode };
  return encodeAddBasket(sale, TEST_TILL, [], request.confirmedAt ?? Date.now());
}
