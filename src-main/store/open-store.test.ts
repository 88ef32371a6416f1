import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { databasePath, openStore } from './open-store';

// A permissive umask, as a till started by a careless service unit may have: the modes below
// must come from the till, not from the umask.
let umask: number;
let root: string;
beforeAll(() => {
  umask = process.umask(0o000);
});
afterAll(() => {
  process.umask(umask);
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the local store’s files', () => {
  it('are created owner-only: the data folder 0700, the database and its -wal and -shm 0600', () => {
    root = mkdtempSync(join(tmpdir(), 'till-modes-'));
    const dataDir = join(root, 'new', 'data');
    const path = databasePath(dataDir);
    const opened = openStore(path);
    if (!opened.ok) throw new Error(opened.error.message);
    // the migrations wrote through the WAL: both of its files are there while the store is open
    expect(modeOf(join(root, 'new'))).toBe(0o700);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(path)).toBe(0o600);
    expect(modeOf(`${path}-wal`)).toBe(0o600);
    expect(modeOf(`${path}-shm`)).toBe(0o600);
    opened.value.close();
  });

  it('are narrowed to their owner when an earlier till left them open to others', () => {
    root = mkdtempSync(join(tmpdir(), 'till-modes-'));
    const path = databasePath(root);
    const first = openStore(path);
    if (!first.ok) throw new Error(first.error.message);
    first.value.close();
    writeFileSync(`${path}-wal`, '');
    for (const file of [path, `${path}-wal`]) chmodSync(file, 0o666);

    const again = openStore(path);
    if (!again.ok) throw new Error(again.error.message);
    expect(modeOf(path)).toBe(0o600);
    expect(modeOf(`${path}-wal`)).toBe(0o600);
    again.value.close();
  });
});
