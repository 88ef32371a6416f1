import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inEnglish } from './english';
import { configFileOpenness } from './local-checks';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'till-openness-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('whether the config file is open to other accounts', () => {
  it('names the file, what others may do and the chmod to run; nothing for an owner-only file', () => {
    const path = join(folder, 'till.json');
    writeFileSync(path, '{}');
    chmodSync(path, 0o666);
    const open = configFileOpenness(path, 'linux');
    expect(open === null ? null : inEnglish(open)).toBe(
      `till.json is readable and writable by group and others (mode 666) and holds the terminal's password: run \`chmod 600 ${path}\``,
    );
    chmodSync(path, 0o600);
    expect(configFileOpenness(path, 'linux')).toBeNull();
  });

  it('says nothing on Windows, whose files carry no such mode bits', () => {
    const path = join(folder, 'till.json');
    writeFileSync(path, '{}');
    chmodSync(path, 0o666);
    expect(configFileOpenness(path, 'win32')).toBeNull();
  });
});
