import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { faultLog, STORAGE_FAULT_QUIET_MS } from './storage-fault-log';

const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });

/** A real logger whose lines are kept, parsed. */
function keptLog() {
  const lines: Record<string, unknown>[] = [];
  const log = pino(
    { level: 'info' },
    {
      write: (line: string) => {
        const parsed: unknown = JSON.parse(line);
        if (typeof parsed === 'object' && parsed !== null) lines.push({ ...parsed });
      },
    },
  );
  return { log, lines };
}

describe('faultLog', () => {
  it('logs a storage fault once while it lasts, again after the quiet time with its repeats', () => {
    const { log, lines } = keptLog();
    let at = 0;
    const faults = faultLog(log, () => at);
    for (let n = 0; n < 50; n += 1)
      expect(faults.failed(full, {}, 'failed')?.code).toBe('SQLITE_FULL');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.msg).toBe('storage unavailable: SQLITE_FULL: database or disk is full');
    at = STORAGE_FAULT_QUIET_MS;
    faults.failed(full, {}, 'failed');
    expect(lines).toHaveLength(2);
    expect(lines[1]?.repeatsSinceLastLogged).toBe(49);
  });

  it('logs every other failure at once, with its message and stack', () => {
    const { log, lines } = keptLog();
    const faults = faultLog(log);
    expect(faults.failed(new Error('a bug'), { path: '/x' }, 'unhandled error')).toBeUndefined();
    expect(faults.failed(new Error('a bug'), { path: '/x' }, 'unhandled error')).toBeUndefined();
    expect(lines.map((line) => [line.msg, line.path])).toEqual([
      ['unhandled error', '/x'],
      ['unhandled error', '/x'],
    ]);
  });
});
