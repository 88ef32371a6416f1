import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { allocateBasketCode } from '../../src-main/store/basket-codes';
import { openStore } from '../../src-main/store/open-store';
import { openTempStore, type TempStore } from '../../test-support/till/temp-store';

const scope = { storeCode: 'S001', terminalId: '01', timezone: 'Europe/Amsterdam' };
const CHILD = fileURLToPath(
  new URL('../../test-support/till/allocate-codes-until-killed.ts', import.meta.url),
);

let store: TempStore | undefined;
afterEach(() => {
  store?.dispose();
  store = undefined;
});

describe('basket codes', () => {
  it('never hands out a code twice across a crash in the middle of 1,000 allocations', async () => {
    store = openTempStore();
    store.db.close();
    const beforeCrash = await allocateInChildUntilKilled(store.path, 400);

    const reopened = openStore(store.path);
    if (!reopened.ok) throw new Error(reopened.error.message);
    const db = reopened.value;
    const afterCrash: string[] = [];
    while (beforeCrash.length + afterCrash.length < 1000) {
      afterCrash.push(allocateBasketCode(db, scope, new Date('2026-11-23T10:00:00Z')));
    }
    db.close();

    const all = [...beforeCrash, ...afterCrash];
    expect(all).toHaveLength(1000);
    expect(new Set(all).size).toBe(1000);
    const seq = (code: string): number => Number(code.split('-')[3]);
    const lastBefore = Math.max(...beforeCrash.map(seq));
    expect(Math.min(...afterCrash.map(seq))).toBeGreaterThan(lastBefore);
  });
});

/** Runs the allocating child, takes `count` codes it printed, then kills it with SIGKILL mid-loop. */
async function allocateInChildUntilKilled(path: string, count: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const codes: string[] = [];
  const exited = new Promise<NodeJS.Signals | null>((resolve) => {
    child.once('exit', (_code, signal) => {
      resolve(signal);
    });
  });
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) {
    if (codes.length < count) codes.push(line);
    if (codes.length === count && child.exitCode === null && !child.killed) child.kill('SIGKILL');
  }
  const signal = await exited;
  if (signal !== 'SIGKILL')
    throw new Error(`the child ended without being killed: ${stderr.join('')}`);
  return codes;
}
