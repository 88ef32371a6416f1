import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/** pg's message when a query got no answer within `query_timeout`. */
const READ_TIMEOUT = 'Query read timeout';

/**
 * The pool as Kysely uses it, with one difference: a connection on which a query got no answer
 * in time (the network or the server went silent) is closed when it is handed back, never
 * reused. pg leaves such a connection waiting for an answer that may never come, so every later
 * query on it would time out too, long after the database is back.
 */
export function guardedPool(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => new GuardedClient(await pool.connect()),
    end: () => pool.end(),
  };
}

class GuardedClient implements PostgresPoolClient {
  #silent: Error | undefined;

  constructor(private readonly client: pg.PoolClient) {}

  query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    sqlOrCursor: string | PostgresCursor<R>,
    parameters: readonly unknown[] = [],
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') throw new Error('streaming queries are not used');
    return this.client.query(sqlOrCursor, [...parameters]).then(
      (result) => ({
        command: commandOf(result.command),
        rowCount: result.rowCount ?? 0,
        rows: result.rows,
      }),
      (error: unknown) => {
        if (error instanceof Error && error.message === READ_TIMEOUT) this.#silent = error;
        throw error;
      },
    );
  }

  release(): void {
    // an error tells the pool to close the connection instead of keeping it
    this.client.release(this.#silent);
  }
}

const COMMANDS = ['UPDATE', 'DELETE', 'INSERT', 'SELECT', 'MERGE'] as const;
type Command = (typeof COMMANDS)[number];

function commandOf(command: string): Command {
  return COMMANDS.find((known) => known === command) ?? 'SELECT';
}
