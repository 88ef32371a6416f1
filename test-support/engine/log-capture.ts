import pino, { type Logger } from 'pino';
import { isRecord } from './client';

export interface LogEntry {
  readonly level: number;
  readonly [field: string]: unknown;
}

/** pino's number for `error`: such a line is a fault, never a refusal. */
export const ERROR_LEVEL = 50;

export interface CapturedLog {
  /** A logger at debug level that keeps every line it writes. */
  readonly log: Logger;
  readonly entries: LogEntry[];
  /** Lines at error level or above (unhandled errors among them). */
  errors(): LogEntry[];
}

/** The engine's log kept in memory, so that a test can assert what it said and at which level. */
export function captureLog(): CapturedLog {
  const entries: LogEntry[] = [];
  const log = pino(
    { level: 'debug' },
    {
      write: (line: string) => {
        const entry: unknown = JSON.parse(line);
        if (isRecord(entry) && typeof entry.level === 'number')
          entries.push({ ...entry, level: entry.level });
      },
    },
  );
  return { log, entries, errors: () => entries.filter((entry) => entry.level >= ERROR_LEVEL) };
}
