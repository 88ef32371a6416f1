/** A write refused by a unique constraint, on SQLite or PostgreSQL alike. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return error.code === '23505' || error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Why the database could not do its part: not the request's fault and not a bug, but storage
 * that is full, read-only, failing or out of reach. Such a fault passes when the storage
 * recovers, so it is answered "try again" and not "internal error".
 */
export interface StorageFault {
  /** The driver's code (SQLITE_FULL, 53100, ECONNREFUSED…), or `connection_lost` when it gave none. */
  readonly code: string;
  readonly message: string;
}

/**
 * SQLite's primary result codes (each with its extended codes, SQLITE_IOERR_WRITE and the
 * like) that say the storage failed. SQLITE_BUSY comes only after the busy timeout ran out.
 */
const SQLITE_STORAGE_CODES = [
  'SQLITE_FULL',
  'SQLITE_READONLY',
  'SQLITE_IOERR',
  'SQLITE_CANTOPEN',
  'SQLITE_BUSY',
];

/**
 * PostgreSQL's SQLSTATEs of the same kind: 08 connection exceptions, 53 insufficient resources
 * (53100 disk full), 57P01-57P03 the server shutting down or starting, 57014 a statement
 * cancelled (by the statement timeout: a server too slow or too loaded to answer in time),
 * 25006 a read-only transaction (a standby, or a database set read-only).
 */
const POSTGRES_STORAGE_STATE = /^(08...|53...|57P0[1-3]|57014|25006)$/;

/** Socket failures on the way to the database server. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);

/** node-postgres reports a connection that ended or fell silent under a query, or a pool that found none, with these words and no code. */
const LOST_CONNECTION_MESSAGE =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Query read timeout)/;

/** The storage fault behind `error` (or any error it was caused by); undefined for every other error. */
export function storageFault(error: unknown): StorageFault | undefined {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; depth += 1) {
    const code = 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
    if (code !== undefined && isStorageCode(code)) return { code, message: cause.message };
    if (code === undefined && LOST_CONNECTION_MESSAGE.test(cause.message))
      return { code: 'connection_lost', message: cause.message };
    cause = cause.cause;
  }
  return undefined;
}

function isStorageCode(code: string): boolean {
  return (
    SQLITE_STORAGE_CODES.some((primary) => code === primary || code.startsWith(`${primary}_`)) ||
    POSTGRES_STORAGE_STATE.test(code) ||
    NETWORK_CODES.has(code)
  );
}
