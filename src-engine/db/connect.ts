import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely';
import pg from 'pg';
import { guardedPool } from './guarded-pool';
import type { Database } from './schema';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: Dialect;
  /** Where the data lives, with any password removed: safe to log. */
  readonly location: string;
  /** PostgreSQL: the schema it works in, when one was chosen. */
  readonly schema?: string;
  close(): Promise<void>;
}

export const DEFAULT_DATABASE_PATH = 'data/engine.sqlite';

/** PostgreSQL's limits, so that a database that hangs fails a request instead of holding it. */
export interface PostgresLimits {
  /** How long to wait for a new connection. */
  readonly connectTimeoutMs: number;
  /** How long one statement may run on the server before it is cancelled. */
  readonly statementTimeoutMs: number;
}

export const DEFAULT_POSTGRES_LIMITS: PostgresLimits = {
  connectTimeoutMs: 5000,
  statementTimeoutMs: 30_000,
};

/** How much longer than the statement timeout the engine waits for a silent database. */
const SILENCE_MARGIN_MS = 1000;

/** Where a connection that failed on its own (a restarted server, a killed backend) is reported. */
export interface ConnectionFaultLog {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface ConnectOptions {
  readonly schema?: string;
  readonly postgres?: Partial<PostgresLimits>;
  readonly log?: ConnectionFaultLog;
}

/**
 * A `postgres://` (or `postgresql://`) URL selects PostgreSQL; a `sqlite:` URL or a plain
 * file path selects that SQLite file (created with its folder when missing). SQLite runs in
 * WAL mode with foreign keys on.
 */
export function connect(
  databaseUrl: string = DEFAULT_DATABASE_PATH,
  options: ConnectOptions = {},
): Db {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return connectPostgres(databaseUrl, options);
  const path = resolve(databaseUrl.replace(/^sqlite:(\/\/)?/, ''));
  mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
  });
  return { kysely, dialect: 'sqlite', location: path, close: () => kysely.destroy() };
}

// Epoch milliseconds and minor units are int8 columns; they fit a double exactly, so read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);

/**
 * A pool whose connections may fail on their own (a server restart or failover, a terminated
 * backend, an idle connection cut by the network): such a connection is reported and dropped,
 * and the pool opens a new one for the next query, instead of the failure ending the process.
 */
function connectPostgres(url: string, options: ConnectOptions): Db {
  const { schema, log } = options;
  const limits = { ...DEFAULT_POSTGRES_LIMITS, ...options.postgres };
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: limits.connectTimeoutMs,
    statement_timeout: limits.statementTimeoutMs,
    // the server cancels a slow statement; this ends the wait when the server or network is silent
    query_timeout: limits.statementTimeoutMs + SILENCE_MARGIN_MS,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const location = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  const reportFault = (error: Error) => {
    log?.warn({ err: error, database: location }, 'a database connection failed; it is replaced');
  };
  // Every connection reports its own failure, idle or in use (a query in flight fails too). The
  // pool passes an idle one's failure on as well; without a listener there, that would throw.
  pool.on('connect', (client) => client.on('error', reportFault));
  pool.on('error', alreadyReported);
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: guardedPool(pool) }),
  });
  return {
    kysely,
    dialect: 'postgres',
    location,
    ...(schema ? { schema } : {}),
    close: () => kysely.destroy(),
  };
}

function alreadyReported(): void {
  // the connection's own listener logged it
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query afresh; compiling SQL is a good part of a request's cost on
 * SQLite. The engine's queries come from a small set of builders, so prepared statements are
 * kept by their SQL text (least recently used dropped past the limit).
 */
function withStatementCache(database: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (sqlText: string): SQLite.Statement => {
    let statement = cache.get(sqlText);
    if (statement) {
      cache.delete(sqlText);
    } else {
      statement = database.prepare(sqlText);
      if (cache.size >= STATEMENT_CACHE_SIZE) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
    }
    cache.set(sqlText, statement);
    return statement;
  };
  const rollback = rollbackWhenOpen(database, () => prepare('rollback'));
  return {
    close: () => {
      database.close();
    },
    prepare: (sqlText: string) => (sqlText === 'rollback' ? rollback : prepare(sqlText)),
  };
}

/**
 * SQLite ends a transaction by itself when a write fails for want of space or working storage
 * (SQLITE_FULL, SQLITE_IOERR and the like). Kysely answers the failure with a ROLLBACK, which
 * then fails with "cannot rollback - no transaction is active" — and that error, thrown in its
 * place, hid the one that said why. A rollback with no transaction open is therefore skipped.
 */
function rollbackWhenOpen(
  database: SQLite.Database,
  statement: () => SQLite.Statement,
): SqliteStatement {
  return {
    reader: false,
    all: (parameters) => statement().all(parameters),
    iterate: (parameters) => statement().iterate(parameters),
    run: (parameters) =>
      database.inTransaction ? statement().run(parameters) : { changes: 0, lastInsertRowid: 0 },
  };
}
