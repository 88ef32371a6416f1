import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  FUZZ_API_KEY,
  fuzzCallers,
  fuzzData,
  primeFuzzData,
} from '../../test-support/engine/fuzz-setup';
import { fuzzSeed } from '../../test-support/engine/fuzz-random';
import { FUZZ_ROUTES } from '../../test-support/engine/fuzz-routes';
import {
  describeOffenders,
  runFuzz,
  type FuzzCaller,
  type FuzzReport,
} from '../../test-support/engine/fuzz-run';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';
import { captureLog } from '../../test-support/engine/log-capture';
import { everyRow } from '../../test-support/engine/snapshot';

/*
 * A seeded fuzzer over every call of the engine and every kind of caller: broken types, missing
 * and extra fields, extremes, odd text, NUL, deep nesting, bad JSON, wrong content types and
 * encodings, repeated parameters, escapes in paths, clients that go away. ENGINE_FUZZ_REQUESTS
 * sets the number of requests per database (20,000 by default). The seed is fixed, so every run
 * sends the same requests; ENGINE_FUZZ_SEED picks another (a number, or `random`) to explore.
 */

const REQUESTS = /^\d+$/.test(process.env.ENGINE_FUZZ_REQUESTS ?? '')
  ? Number(process.env.ENGINE_FUZZ_REQUESTS)
  : 20_000;
/** The share of the requests that each carry a defect every call must refuse. */
const REFUSED_SHARE = 0.25;
const CONCURRENCY = 8;
const seed = fuzzSeed();

const timeoutFor = (requests: number) => 60_000 + requests * 10;

function summary(report: FuzzReport): string {
  return JSON.stringify({
    seed: report.seed,
    phase: report.phase,
    requests: report.requests,
    aborted: report.aborted,
    seconds: report.durationMs / 1000,
    routes: Object.keys(report.routes).length,
    callers: Object.keys(report.callers).length,
    statuses: report.statuses,
  });
}

describeEachDatabase('fuzzing every engine call as every caller', (database) => {
  const total = REQUESTS;
  const refusedCount = Math.round(total * REFUSED_SHARE);
  const captured = captureLog();
  let engine: TestEngine;
  let callers: FuzzCaller[];
  const reports: FuzzReport[] = [];

  beforeAll(async () => {
    engine = await startTestEngine(database, {
      demo: true,
      bootstrapApiKey: FUZZ_API_KEY,
      log: captured.log,
      // the fuzzer's webhooks point at a closed port on this machine, so that their ids exist
      webhooks: { allowHttp: true, allowHosts: ['127.0.0.1'] },
    });
    callers = await fuzzCallers(engine);
  });
  afterAll(async () => {
    for (const report of reports) console.log(`fuzz [${database.name}] ${summary(report)}`);
    await engine.close();
  });

  const fuzz = async (phase: 'refused' | 'mixed', requests: number) => {
    const report = await runFuzz({
      url: engine.url,
      seed,
      requests,
      concurrency: CONCURRENCY,
      phase,
      routes: FUZZ_ROUTES,
      callers,
      data: await fuzzData(engine),
      onProgress: (sent) => {
        console.log(`fuzz [${database.name}] ${phase}: ${sent} of ${requests} sent`);
      },
    });
    reports.push(report);
    return report;
  };

  it(
    'requests with a defect every call must refuse are refused, by every call, and change nothing',
    async () => {
      const before = await everyRow(engine.db.kysely);
      const report = await fuzz('refused', refusedCount);
      expect(report.offenders, describeOffenders(report, report.offenders)).toEqual([]);
      expect(report.notRefused, describeOffenders(report, report.notRefused)).toEqual([]);
      expect(Object.keys(report.routes)).toHaveLength(FUZZ_ROUTES.length);
      expect(Object.keys(report.callers)).toHaveLength(callers.length);
      expect(await everyRow(engine.db.kysely)).toEqual(before);
      expect(captured.errors(), `seed ${seed}`).toEqual([]);
    },
    timeoutFor(refusedCount),
  );

  it(
    'valid and broken requests of every kind get no answer of 500 or more, and no error is logged',
    async () => {
      await primeFuzzData(engine, await fuzzData(engine));
      const report = await fuzz('mixed', total - refusedCount);
      expect(report.offenders, describeOffenders(report, report.offenders)).toEqual([]);
      expect(captured.errors(), `seed ${seed}`).toEqual([]);
      // some requests are valid and some are not: both kinds of answer must occur
      expect(report.statuses['200']).toBeGreaterThan(0);
      expect(report.statuses['400']).toBeGreaterThan(0);

      // every basket code is used by one request only: a refused one must have left no trace
      const codes = report.refusedBasketCodes;
      const db = engine.db.kysely;
      for (let start = 0; start < codes.length; start += 500) {
        const chunk = codes.slice(start, start + 500);
        const traces = [
          ...(await db
            .selectFrom('baskets')
            .select('retailer_basket_code as code')
            .where('retailer_basket_code', 'in', chunk)
            .execute()),
          ...(await db
            .selectFrom('vouchers')
            .select('lock_basket_code as code')
            .where('lock_basket_code', 'in', chunk)
            .execute()),
          ...(await db
            .selectFrom('audit_log')
            .select('basket_code as code')
            .where('basket_code', 'in', chunk)
            .execute()),
        ];
        expect(traces, `seed ${seed}: refused basket calls left rows behind`).toEqual([]);
      }
    },
    timeoutFor(total),
  );
});
