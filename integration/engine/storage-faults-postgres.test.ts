import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type RunningEngine } from '../../src-engine/server';
import { basketRequest, item } from '../../test-support/engine/baskets';
import { call, isRecord, loginAs, type Session } from '../../test-support/engine/client';

/*
 * PostgreSQL that fails under a running engine: a backend terminated while it serves a request,
 * and a server that turns read-only. Each must answer 503 storage_unavailable (never 500), and
 * the engine must serve again by itself once the database does. The engine connects as a role
 * of its own, made for this run, that owns a schema of its own: turning that role read-only
 * touches nothing another test on the same server sees.
 */

const url = process.env.TEST_DATABASE_URL;
const WAIT_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function asAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

if (!url)
  describe.skip('storage faults under a running PostgreSQL engine', () => {
    it('skipped: TEST_DATABASE_URL is not set, so there is no PostgreSQL to fail', () => undefined);
  });
else
  describe('storage faults under a running PostgreSQL engine', { timeout: 60_000 }, () => {
    const name = `storage_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    let engine: RunningEngine;
    let till: Session;
    let serial = 0;

    const terminateEngineBackends = () =>
      asAdmin((admin) =>
        admin.query('select pg_terminate_backend(pid) from pg_stat_activity where usename = $1', [
          name,
        ]),
      );

    beforeAll(async () => {
      await asAdmin(async (admin) => {
        await admin.query(`create role ${name} login`);
        await admin.query(`create schema ${name} authorization ${name}`);
      });
      const engineUrl = new URL(url);
      engineUrl.username = name;
      engineUrl.password = '';
      engine = await start({
        databaseUrl: engineUrl.toString(),
        schema: name,
        demo: true,
        log: pino({ level: 'silent' }),
      });
      till = await loginAs(engine.url, 'till-s001-01', 'demo-till');
    });
    afterAll(async () => {
      await engine.stop();
      await asAdmin(async (admin) => {
        await admin.query(`drop schema if exists ${name} cascade`);
        await admin.query(`drop role if exists ${name}`);
      });
    });

    const addBasket = async () => {
      serial += 1;
      const code = `S001-01-PGFAULT-${String(serial).padStart(4, '0')}`;
      const answer = await call(engine.url, '/auth/add-basket', {
        session: till,
        json: basketRequest(code, [item('line_1', 990)], { member: null }),
      });
      return { code, ...answer };
    };
    const errorName = (body: Record<string, unknown>) =>
      isRecord(body.error) ? body.error.name : undefined;
    const readiness = () => call(engine.url, '/readyz');
    /** Add-baskets until one is answered 200, within WAIT_MS; the statuses on the way. */
    const untilServing = async () => {
      const statuses: number[] = [];
      const until = Date.now() + WAIT_MS;
      while (Date.now() < until) {
        const answer = await addBasket();
        statuses.push(answer.status);
        if (answer.status === 200) break;
        await sleep(100);
      }
      return statuses;
    };

    it('a backend terminated in the middle of a request: 503 storage_unavailable, then service again', async () => {
      expect((await addBasket()).status).toBe(200);
      // The test holds a lock the next add-basket needs, so that its backend is busy with it
      // when it is terminated.
      const locker = new pg.Client({ connectionString: url });
      await locker.connect();
      try {
        await locker.query('begin');
        await locker.query(`lock table ${name}.baskets in exclusive mode`);
        const pending = addBasket();
        let terminated = 0;
        const until = Date.now() + WAIT_MS;
        while (terminated === 0 && Date.now() < until) {
          const result = await locker.query<{ pid: number }>(
            `select pid from pg_stat_activity where usename = $1 and wait_event_type = 'Lock'`,
            [name],
          );
          for (const { pid } of result.rows) {
            await locker.query('select pg_terminate_backend($1)', [pid]);
            terminated += 1;
          }
          if (terminated === 0) await sleep(20);
        }
        expect(terminated).toBeGreaterThan(0);
        const answer = await pending;
        expect(answer.status, JSON.stringify(answer.body)).toBe(503);
        expect(errorName(answer.body)).toBe('storage_unavailable');
      } finally {
        await locker.query('rollback');
        await locker.end();
      }
      const statuses = await untilServing();
      expect(statuses.at(-1), JSON.stringify(statuses)).toBe(200);
      expect(statuses).not.toContain(500);
    });

    it('a server that turns read-only: 503 storage_unavailable and unready, then recovery', async () => {
      await asAdmin((admin) =>
        admin.query(`alter role ${name} set default_transaction_read_only = on`),
      );
      try {
        // the role's setting applies to new sessions: end the engine's, which it replaces
        await terminateEngineBackends();
        const statuses: number[] = [];
        let readOnly: { status: number; body: Record<string, unknown> } | undefined;
        const until = Date.now() + WAIT_MS;
        while (!readOnly && Date.now() < until) {
          const answer = await addBasket();
          statuses.push(answer.status);
          expect(errorName(answer.body)).toBe('storage_unavailable');
          const ready = await readiness();
          if (ready.body.code === '25006') readOnly = ready;
        }
        expect(statuses).not.toContain(500);
        expect(statuses).not.toContain(200);
        expect(readOnly).toMatchObject({
          status: 503,
          body: { status: 'unready', reason: 'database_not_writable', code: '25006' },
        });
      } finally {
        await asAdmin((admin) =>
          admin.query(`alter role ${name} reset default_transaction_read_only`),
        );
        await terminateEngineBackends();
      }
      const statuses = await untilServing();
      expect(statuses.at(-1), JSON.stringify(statuses)).toBe(200);
      expect(statuses).not.toContain(500);
      expect((await readiness()).status).toBe(200);
    });
  });
