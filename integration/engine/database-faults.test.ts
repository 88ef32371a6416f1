import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../test-support/engine/client';
import { DATABASES, startTestEngine, type TestEngine } from '../../test-support/engine/harness';
import { captureLog } from '../../test-support/engine/log-capture';
import { startTcpFaultProxy, type TcpFaultProxy } from '../../test-support/engine/tcp-fault-proxy';
import { healthyWithin, terminateBackends } from '../../test-support/engine/database-faults';
import { spawnEngine, type EngineProcess } from '../../test-support/engine/engine-process';

/*
 * PostgreSQL restarts, fails over and cuts idle connections; each ends the engine's
 * connections under it. Here the engine runs as its own process on PostgreSQL, under a steady
 * load, while the test terminates its backends (idle and busy ones): the process must go on
 * and answer again without being restarted.
 */

const postgresDb = DATABASES.find((database) => database.name === 'postgres');
const TERMINATIONS = 6;

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
      expect(await healthyWithin(engine.url, 5000)).not.toBeNull();
      expect(engine.stderr()).not.toContain("Unhandled 'error' event");
    });
  });

if (!postgresDb)
  describe.skip('health checks while PostgreSQL is out of reach', () => {
    it('skipped: TEST_DATABASE_URL is not set, so there is no PostgreSQL to cut off', () =>
      undefined);
  });
else
  describe('health checks while PostgreSQL is out of reach', () => {
    const PROBES = 8;
    let proxy: TcpFaultProxy;
    let engine: TestEngine;
    const captured = captureLog();

    beforeAll(async () => {
      const direct = process.env.TEST_DATABASE_URL ?? '';
      const target = new URL(direct);
      proxy = await startTcpFaultProxy(target.hostname, Number(target.port || 5432));
      engine = await startTestEngine(postgresDb, {
        databaseUrl: proxy.via(direct),
        postgres: { connectTimeoutMs: 1000 },
        log: captured.log,
      });
    });
    afterAll(async () => {
      proxy.setMode('pass');
      await engine.close();
      await proxy.stop();
    });

    it('answer 503 each time and log the cause once, not a stack per probe', async () => {
      expect((await call(engine.url, '/healthz')).status).toBe(200);
      proxy.setMode('refuse');
      proxy.cutAll();
      const statuses: number[] = [];
      for (let n = 0; n < PROBES; n += 1)
        statuses.push((await call(engine.url, '/healthz')).status);

      expect(statuses).toEqual(statuses.map(() => 503));
      const errors = captured.errors();
      expect(errors.filter((entry) => 'err' in entry)).toEqual([]);
      expect(
        errors.filter((entry) => String(entry.msg).startsWith('storage unavailable')),
      ).toHaveLength(1);
    });
  });
