import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  sql,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely';
import pg from 'pg';
import { EngineStartError } from '../start-error';
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
 * file path selects that SQLite file (created with its folder when missing).
 */
export function connect(
  databaseUrl: string = DEFAULT_DATABASE_PATH,
  options: ConnectOptions = {},
): Db {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return connectPostgres(databaseUrl, options);
  const path = sqlitePath(databaseUrl);
  const database = openSqlite(path);
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
  });
  let closing: Promise<void> | undefined;
  const close = async () => {
    // the one connection is free only between transactions: never close it inside one
    await kysely.connection().execute(() => Promise.resolve());
    await kysely.destroy();
  };
  return {
    kysely,
    dialect: 'sqlite',
    location: path,
    close: () => (closing ??= close()),
  };
}

const IN_MEMORY = ':memory:';

/** A `sqlite:` prefix is dropped; `:memory:` is SQLite's own in-memory database, not a file name. */
function sqlitePath(databaseUrl: string): string {
  const path = databaseUrl.replace(/^sqlite:(\/\/)?/, '');
  return path === IN_MEMORY ? IN_MEMORY : resolve(path);
}

/**
 * SQLite runs in WAL mode with foreign keys on and `synchronous=FULL`, so that an answered write
 * survives a power cut. The file is held with an exclusive lock for as long as it is open: one
 * process at a time (the operating system drops the lock when the process ends, however it
 * ends). A file that cannot be opened, or is held by another process, is a one-line
 * EngineStartError.
 */
function openSqlite(path: string): SQLite.Database {
  let database: SQLite.Database | undefined;
  try {
    mkdirSync(dirname(path), { recursive: true });
    // SQLite would fall back to reading a file it may not write, and fail later on
    accessSync(existsSync(path) ? path : dirname(path), constants.W_OK);
    // no busy wait while taking the lock: a file held elsewhere is refused at once
    database = new SQLite(path, { timeout: 0 });
    // set before the first access, so that WAL keeps no shared memory and the lock stays taken
    database.pragma('locking_mode = EXCLUSIVE');
    database.pragma('journal_mode = WAL');
    database.exec('BEGIN EXCLUSIVE; COMMIT');
    database.pragma('synchronous = FULL');
    database.pragma('foreign_keys = ON');
    return database;
  } catch (error) {
    database?.close();
    throw sqliteOpenFailure(path, error);
  }
}

function sqliteOpenFailure(path: string, error: unknown): EngineStartError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : '';
  const detail = error instanceof Error ? error.message : String(error);
  const why =
    code === 'SQLITE_BUSY'
      ? 'another process holds it: an SQLite file serves one engine process at a time (use PostgreSQL for several; stop the engine before engine:migrate or engine:admin)'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_READONLY'
        ? 'the file or its folder is read-only'
        : detail;
  return new EngineStartError(
    `cannot open the SQLite database ${path}: ${why} (ENGINE_DATABASE_URL)`,
    { cause: error },
  );
}

/** The first query: a database that cannot be reached fails here, as one line naming the setting. */
export async function reach(db: Db): Promise<void> {
  try {
    await sql`select 1`.execute(db.kysely);
  } catch (error) {
    throw new EngineStartError(
      `cannot reach the database ${db.location}: ${describeFailure(error)} (ENGINE_DATABASE_URL)`,
      { cause: error },
    );
  }
}

/** A connection failure's words; a refused connection to a name with several addresses has none of its own. */
function describeFailure(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0)
    return describeFailure(error.errors[0]);
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'object' && error !== null && 'code' in error) return String(error.code);
  return String(error);
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
