import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PLAYWRIGHT = join('node_modules', '@playwright', 'test', 'cli.js');
const MISSING_CHROMIUM = join('/nonexistent', 'chromium');

interface Run {
  readonly exitCode: number;
  readonly output: string;
}

/** `playwright test ...args` with CHROMIUM_PATH pointing at a file that does not exist. */
function playwrightWithoutChromium(args: string[]): Promise<Run> {
  const env = { ...process.env, CHROMIUM_PATH: MISSING_CHROMIUM };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [PLAYWRIGHT, 'test', ...args],
      { env, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const exitCode = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ exitCode, output: stdout + stderr });
      },
    );
  });
}

describe('the Chromium of the e2e suite', { timeout: 120_000 }, () => {
  it('is not needed to list the specs', async () => {
    const specs = readdirSync('e2e').filter((name) => name.endsWith('.spec.ts'));
    expect(specs.length).toBeGreaterThan(0);

    const run = await playwrightWithoutChromium(['--list']);

    expect(run.exitCode).toBe(0);
    for (const spec of specs) expect(run.output).toContain(`› ${spec}:`);
    expect(run.output).toMatch(new RegExp(`Total: \\d+ tests? in ${String(specs.length)} files?`));
  });

  it('is where CHROMIUM_PATH says, and a run stops before any spec when it is missing', async () => {
    const run = await playwrightWithoutChromium(['--reporter=line']);

    expect(run.exitCode).not.toBe(0);
    expect(run.output).toContain(`${MISSING_CHROMIUM} is missing`);
    expect(run.output).not.toMatch(/\d+ passed/);
  });
});
