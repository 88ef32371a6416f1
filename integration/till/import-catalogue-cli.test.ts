import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../src-main/store/import-catalogue-cli.ts', import.meta.url));
const DEMO = fileURLToPath(new URL('../../src-main/store/demo-catalogue.csv', import.meta.url));

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'till-import-cli-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function run(args: string[]) {
  // Only this test's settings: a TILL_* variable of the machine running the tests must not leak in.
  const inherited = Object.entries(process.env).filter(([name]) => !name.startsWith('TILL_'));
  const env = {
    ...Object.fromEntries(inherited),
    TILL_DATA_DIR: join(folder, 'data'),
    HOME: folder,
    XDG_CONFIG_HOME: folder,
  };
  return spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { env, encoding: 'utf8' });
}

describe('till:import-catalogue', () => {
  it('imports the demo catalogue into the data directory and says what it did', () => {
    const result = run([DEMO]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Imported 20 products');
    expect(result.stdout).toContain(join(folder, 'data', 'till.sqlite'));
    expect(result.stdout).toContain('20 added');
  });

  it('exits 2 naming the line and field of a bad row', () => {
    const bad = join(folder, 'bad.csv');
    writeFileSync(bad, 'barcode,name,unit_price,excluded\n8712345000011,Milk,abc,0\n');
    const result = run([bad]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${bad}: line 2: unit_price: is not a decimal number ("abc")`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 with the usage when no file is given', () => {
    const result = run([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: npm run till:import-catalogue -- FILE');
  });
});
