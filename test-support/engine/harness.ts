import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { describe, it } from 'vitest';
import { start, type RunningEngine, type StartOptions } from '../../src-engine/server';

/**
 * Where the integration suites run: always a real SQLite file; also PostgreSQL when
 * TEST_DATABASE_URL points at one (each engine gets a fresh schema, dropped afterwards).
 */
export interface TestDatabase {
  readonly name: 'sqlite' | 'postgres';
  /** Options for `start()` that point several engines at one fresh database. */
  create(): Promise<{
    options: Pick<StartOptions, 'databaseUrl' | 'schema'>;
    drop(): Promise<void>;
  }>;
}

const sqlite: TestDatabase = {
  name: 'sqlite',
  create: () => {
    const dir = mkdtempSync(join(tmpdir(), 'voucher-engine-'));
    return Promise.resolve({
      options: { databaseUrl: join(dir, 'engine.sqlite') },
      drop: () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    });
  },
};

function postgres(url: string): TestDatabase {
  return {
    name: 'postgres',
    create: async () => {
      const schema = `test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`create schema ${schema}`);
      await client.end();
      return {
        options: { databaseUrl: url, schema },
        drop: async () => {
          const dropper = new pg.Client({ connectionString: url });
          await dropper.connect();
          await dropper.query(`drop schema if exists ${schema} cascade`);
          await dropper.end();
        },
      };
    },
  };
}

const postgresUrl = process.env.TEST_DATABASE_URL;
export const DATABASES: readonly TestDatabase[] = postgresUrl
  ? [sqlite, postgres(postgresUrl)]
  : [sqlite];

/** Runs a suite once per database; without TEST_DATABASE_URL the PostgreSQL run is skipped by name. */
export function describeEachDatabase(title: string, suite: (database: TestDatabase) => void): void {
  for (const database of DATABASES)
    describe(`${title} [${database.name}]`, () => {
      suite(database);
    });
  if (!postgresUrl)
    describe.skip(`${title} [postgres]`, () => {
      it('skipped: TEST_DATABASE_URL is not set, so this suite did not run on PostgreSQL', () =>
        undefined);
    });
}

export interface TestEngine extends RunningEngine {
  /** Stops the engine and drops its database. */
  close(): Promise<void>;
}

export async function startTestEngine(
  database: TestDatabase,
  options: StartOptions = {},
): Promise<TestEngine> {
  const created = await database.create();
  const engine = await start({ ...created.options, log: pino({ level: 'silent' }), ...options });
  return {
    ...engine,
    close: async () => {
      await engine.stop();
      await created.drop();
    },
  };
}
