import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../test-support/engine/harness';
import { spawnEngine, type EngineProcess } from '../../test-support/engine/engine-process';

/*
 * PostgreSQL restarts, fails over and cuts idle connections; each ends the engine's
 * connections under it. Here the engine runs as its own process on PostgreSQL, under a steady
 * load, while the test terminates its backends (idle and busy ones): the process must go on
 * and answer again without being restarted.
 */

const postgresDb = DATABASES.find((database) => database.name === 'postgres');
const TERMINATIONS = 6;

async function terminateBackends(url: string, applicationName: string): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const result = await admin.query<{ terminated: boolean }>(
      'select pg_terminate_backend(pid) as terminated from pg_stat_activity where application_name = $1',
      [applicationName],
    );
    return result.rows.filter((row) => row.terminated).length;
  } finally {
    await admin.end();
  }
}

/** The engine answers /healthz with 200 within `withinMs`, polling; the last status otherwise. */
async function healthyWithin(url: string, withinMs: number): Promise<number> {
  const until = Date.now() + withinMs;
  let status = 0;
  while (Date.now() < until) {
    status = await fetch(`${url}/healthz`).then(
      (answer) => answer.status,
      () => 0,
    );
    if (status === 200) return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return status;
}

if (!postgresDb)
  describe.skip('the engine outlives its PostgreSQL connections', () => {
    it('skipped: TEST_DATABASE_URL is not set, so there is no PostgreSQL to take connections from', () =>
      undefined);
  });
else
  describe('the engine outlives its PostgreSQL connections', { timeout: 60_000 }, () => {
    const applicationName = `engine-fault-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    let engine: EngineProcess;
    let drop: () => Promise<void>;
    let url = '';

    beforeAll(async () => {
      const created = await postgresDb.create();
      drop = () => created.drop();
      url = created.options.databaseUrl ?? '';
      const withName = new URL(url);
      withName.searchParams.set('application_name', applicationName);
      engine = await spawnEngine({
        ENGINE_DATABASE_URL: withName.toString(),
        ENGINE_DATABASE_SCHEMA: created.options.schema ?? '',
      });
    });
    afterAll(async () => {
      await engine.stop();
      await drop();
    });

    it('keeps running and answers again after its backends are terminated, idle and busy', async () => {
      const loading = new AbortController();
      const statuses: number[] = [];
      const load = (async () => {
        while (!loading.signal.aborted) {
          const answers = await Promise.all(
            Array.from({ length: 4 }, () =>
              fetch(`${engine.url}/healthz`).then(
                (answer) => answer.status,
                () => 0,
              ),
            ),
          );
          statuses.push(...answers);
        }
      })();

      let terminated = 0;
      for (let round = 0; round < TERMINATIONS; round += 1) {
        await healthyWithin(engine.url, 5000);
        terminated += await terminateBackends(url, applicationName);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      loading.abort();
      await load;

      expect(terminated).toBeGreaterThan(0);
      expect(statuses.length).toBeGreaterThan(0);
      expect(engine.exited(), engine.stderr()).toBeNull();
      expect(await healthyWithin(engine.url, 5000)).toBe(200);
      expect(engine.stderr()).not.toContain("Unhandled 'error' event");
    });
  });
