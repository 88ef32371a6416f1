import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const readme = readFileSync('README.md', 'utf8');
const ciRun = readFileSync('.ci/run', 'utf8');

/** The shell commands of the README's first two code blocks: run it, test it. */
function readmeCommands(): string[] {
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].slice(0, 2);
  return blocks.map((block) => (block[1] ?? '').trim());
}

describe('the README’s two commands', () => {
  it('open the README: one to run the product, one to test it', () => {
    const [run, test] = readmeCommands();
    expect(run).toMatch(/^npm ci && npm start$/);
    expect(test).toMatch(/^npm ci && npm run test:all$/);
    expect(readme.indexOf('```sh')).toBeLessThan(readme.indexOf('## '));
  });

  it('CI runs exactly the README’s test command', () => {
    const [, test] = readmeCommands();
    const ciCommands = ciRun
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    expect(ciCommands.at(-1)).toBe(test);
    expect(ciCommands).toContain('set -euo pipefail');
  });

  it('the test command ensures Chromium, then runs the vitest projects and the e2e suite', () => {
    const testAll = readFileSync('scripts/test-all.sh', 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    const steps = ['bash scripts/ensure-chromium.sh', 'npm test', 'npm run test:e2e'];
    expect(testAll.filter((line) => steps.includes(line))).toEqual(steps);
    expect(ciRun).toContain('bash scripts/ensure-chromium.sh');
    const pkg = z
      .object({ scripts: z.record(z.string(), z.string()) })
      .parse(JSON.parse(readFileSync('package.json', 'utf8')));
    expect(pkg.scripts['test:e2e']).toBe('npm run build:renderer && playwright test');
  });

  it('package.json has the scripts the README names', () => {
    const pkg: unknown = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg).toMatchObject({
      name: 'voucher-till',
      scripts: {
        start: expect.any(String) as unknown,
        test: expect.any(String) as unknown,
        'test:unit': expect.any(String) as unknown,
        'test:all': expect.any(String) as unknown,
        typecheck: expect.any(String) as unknown,
        lint: expect.any(String) as unknown,
        'bench:pricing': expect.any(String) as unknown,
      },
    });
  });
});
