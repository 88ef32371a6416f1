import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
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

/**
 * A `postgres://` (or `postgresql://`) URL selects PostgreSQL; a `sqlite:` URL or a plain
 * file path selects that SQLite file (created with its folder when missing). SQLite runs in
 * WAL mode with foreign keys on.
 */
export function connect(
  databaseUrl: string = DEFAULT_DATABASE_PATH,
  options: { schema?: string } = {},
): Db {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return connectPostgres(databaseUrl, options.schema);
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

function connectPostgres(url: string, schema: string | undefined): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const location = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  return {
    kysely,
    dialect: 'postgres',
    location,
    ...(schema ? { schema } : {}),
    close: () => kysely.destroy(),
  };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query afresh; compiling SQL is a good part of a request's cost on
 * SQLite. The engine's queries come from a small set of builders, so prepared statements are
 * kept by their SQL text (least recently used dropped past the limit).
 */
function withStatementCache(database: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      database.close();
    },
    prepare: (sqlText: string) => {
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
    },
  };
}
