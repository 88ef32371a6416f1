import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type RunningEngine } from '../../src-engine/server';
import { basketRequest, item } from '../../test-support/engine/baskets';
import { call, isRecord, loginAs, type Session } from '../../test-support/engine/client';
import { mountTmpfs, whyTmpfsCannotMount, type Tmpfs } from '../../test-support/engine/tmpfs';

/*
 * Storage that fails under a running SQLite engine: a filesystem of the test's own, filled up
 * under add-basket load, then given space again; a database that stops taking writes, then
 * takes them again. The engine must answer 503 `storage_unavailable` (never 500), say so on
 * /readyz, log the cause once rather than per request, lose no acknowledged basket, and
 * recover by itself.
 */

const TMPFS_BYTES = 8 * 1024 * 1024;
const WORKERS = 4;
const MAX_REQUESTS = 400;
const LOAD_MS = 15_000;
const FILL_AFTER = 20;

interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

const cannotMount = whyTmpfsCannotMount();

if (cannotMount)
  describe.skip('storage faults under a running SQLite engine', () => {
    it(`skipped: ${cannotMount}`, () => undefined);
  });
else
  describe('storage faults under a running SQLite engine', { timeout: 60_000 }, () => {
    let disk: Tmpfs;
    let engine: RunningEngine;
    let till: Session;
    const logLines: LogLine[] = [];
    let serial = 0;

    beforeAll(async () => {
      disk = mountTmpfs(TMPFS_BYTES);
      const log = pino(
        { level: 'info' },
        {
          write: (line: string) => {
            const parsed: unknown = JSON.parse(line);
            if (
              isRecord(parsed) &&
              typeof parsed.level === 'number' &&
              typeof parsed.msg === 'string'
            )
              logLines.push({ ...parsed, level: parsed.level, msg: parsed.msg });
          },
        },
      );
      engine = await start({ databaseUrl: join(disk.dir, 'engine.sqlite'), demo: true, log });
      till = await loginAs(engine.url, 'till-s001-01', 'demo-till');
    });
    afterAll(async () => {
      await engine.stop();
      disk.unmount();
    });

    const addBasket = async () => {
      serial += 1;
      const code = `S001-01-STORAGE-${String(serial).padStart(5, '0')}`;
      const answer = await call(engine.url, '/auth/add-basket', {
        session: till,
        json: basketRequest(code, [item('line_1', 1250)], { member: null }),
      });
      return { code, ...answer };
    };
    const readiness = () => call(engine.url, '/readyz');
    const errorName = (body: Record<string, unknown>) =>
      isRecord(body.error) ? body.error.name : undefined;
    const storedCodes = async (codes: readonly string[]) => {
      const rows = await engine.db.kysely
        .selectFrom('baskets')
        .select('retailer_basket_code')
        .where('retailer_basket_code', 'in', codes)
        .execute();
      return rows.map((row) => row.retailer_basket_code).sort();
    };

    it('a full disk: 503 storage_unavailable and unready, the cause logged once, then recovery when space returns', async () => {
      expect((await readiness()).status).toBe(200);
      const acknowledged: string[] = [];
      const statuses = new Map<number, number>();
      const refusedFor = new Set<unknown>();
      let unready: Record<string, unknown> | undefined;
      let filler: string | undefined;
      const until = Date.now() + LOAD_MS;
      let sent = 0;
      let refusals = 0;
      await Promise.all(
        Array.from({ length: WORKERS }, async () => {
          while (sent < MAX_REQUESTS && Date.now() < until && (refusals < 40 || !unready)) {
            sent += 1;
            // the disk fills up while the load runs, once a few baskets went in
            if (filler === undefined && acknowledged.length >= FILL_AFTER) filler = disk.fill();
            const answer = await addBasket();
            statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
            if (answer.status === 200) acknowledged.push(answer.code);
            if (answer.status === 503) {
              refusals += 1;
              refusedFor.add(errorName(answer.body));
              const ready = await readiness();
              if (ready.status === 503) unready = ready.body;
            }
          }
        }),
      );
      const retryAfter = (
        await fetch(`${engine.url}/auth/add-basket`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-spaaza-session-user-id': String(till.userId),
            'x-spaaza-session-key': till.key,
          },
          body: JSON.stringify(
            basketRequest('S001-01-STORAGE-PROBE', [item('line_1', 100)], { member: null }),
          ),
        })
      ).headers.get('retry-after');

      const summary = JSON.stringify(Object.fromEntries(statuses));
      expect(statuses.get(500) ?? 0, summary).toBe(0);
      expect(statuses.get(200) ?? 0, summary).toBeGreaterThanOrEqual(FILL_AFTER);
      expect(statuses.get(503) ?? 0, summary).toBeGreaterThan(0);
      expect([...refusedFor]).toEqual(['storage_unavailable']);
      expect(retryAfter).toBe('1');
      expect(unready).toMatchObject({
        status: 'unready',
        reason: 'database_not_writable',
        code: 'SQLITE_FULL',
      });
      const causes = logLines.filter(
        (line) => line.level >= 50 && line.msg.includes('SQLITE_FULL'),
      );
      expect(causes.length).toBeGreaterThanOrEqual(1);
      expect(causes.length).toBeLessThanOrEqual(3);
      expect(logLines.filter((line) => line.msg.includes('cannot rollback'))).toEqual([]);
      expect(logLines.filter((line) => line.msg === 'unhandled error')).toEqual([]);

      expect(filler).toBeDefined();
      if (filler) rmSync(filler);
      const after = await addBasket();
      expect(after.status, JSON.stringify(after.body)).toBe(200);
      acknowledged.push(after.code);
      expect((await readiness()).status).toBe(200);
      expect(await storedCodes(acknowledged)).toEqual([...acknowledged].sort());
    });

    it('a database that stops taking writes: 503 storage_unavailable and unready, then recovery', async () => {
      // The kernel refuses to remount a filesystem read-only while a process holds a file on it
      // open for writing (EBUSY), as the engine does its database; so the connection itself is
      // made read-only, which fails its writes with the driver's own SQLITE_READONLY.
      await sql`pragma query_only = on`.execute(engine.db.kysely);
      try {
        const refused = await addBasket();
        expect(refused.status, JSON.stringify(refused.body)).toBe(503);
        expect(errorName(refused.body)).toBe('storage_unavailable');
        expect(await readiness()).toMatchObject({
          status: 503,
          body: { reason: 'database_not_writable', code: 'SQLITE_READONLY' },
        });
        expect(await storedCodes([refused.code])).toEqual([]);
      } finally {
        await sql`pragma query_only = off`.execute(engine.db.kysely);
      }
      const after = await addBasket();
      expect(after.status).toBe(200);
      expect((await readiness()).status).toBe(200);
    });
  });
