import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import vitestConfig from '../../vitest.config';

// Where a test and its support live (CONTRIBUTING.md, "Where each kind of test lives"), kept by a check.

/** Folders that hold test support under another name, outside `test-support/`. */
const SUPPORT_FOLDER = /(^|\/)(test|tests|testing|test-support|support|fixtures)\//;
/** Playwright's own fixtures and page objects stay with the suite; benchmarks are not tests. */
const SUPPORT_ALLOWED = [/^test-support\//, /^e2e\/support\//, /^bench\/support\//, /^tests\//];
const TEST_FILE = /\.test\.tsx?$/;

function misplacedSupport(paths: readonly string[]): string[] {
  return paths.filter(
    (path) =>
      (SUPPORT_FOLDER.test(path) || /test-support|\.test-data\./.test(path)) &&
      !SUPPORT_ALLOWED.some((allowed) => allowed.test(path)),
  );
}

function testsInSupport(paths: readonly string[]): string[] {
  return paths.filter((path) => path.startsWith('test-support/') && TEST_FILE.test(path));
}

/** A glob of the forms vitest.config.ts uses (any folders, a star, braces) as a regular expression. */
function globToRegExp(glob: string): RegExp {
  const source = glob
    .split(/(\*\*\/|\*|\{[^}]*\})/)
    .map((piece) => {
      if (piece === '**/') return '(?:[^/]+/)*';
      if (piece === '*') return '[^/]*';
      if (piece.startsWith('{')) return `(?:${piece.slice(1, -1).split(',').join('|')})`;
      return piece.replace(/[.+?^$()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

const projectIncludes = z
  .object({
    test: z.object({
      projects: z.array(z.object({ test: z.object({ include: z.array(z.string()) }) })),
    }),
  })
  .parse(vitestConfig)
  .test.projects.flatMap((project) => project.test.include.map(globToRegExp));

/** Tests that no vitest project runs: a part whose folder the config does not name. */
function testsNoProjectRuns(paths: readonly string[]): string[] {
  return paths.filter(
    (path) => TEST_FILE.test(path) && !projectIncludes.some((include) => include.test(path)),
  );
}

const tracked = execFileSync('git', ['ls-files'], { encoding: 'utf8' })
  .split('\n')
  .filter((path) => path !== '');

describe('where tests and their support live', () => {
  it('finds support outside test-support/, and tests inside it', () => {
    expect(
      misplacedSupport([
        'src-main/store/test-support/temp-store.ts',
        'src-engine/test/harness.ts',
        'src-main/transport/stand-in-core.test-support.ts',
        'src-shared/wire/examples.test-data.ts',
        'src-shared/testing/vouchers.ts',
        'integration/till/support/sell.ts',
        'test-support/till/temp-store.ts',
        'e2e/support/chromium.ts',
        'src-main/sync/worker.ts',
      ]),
    ).toEqual([
      'src-main/store/test-support/temp-store.ts',
      'src-engine/test/harness.ts',
      'src-main/transport/stand-in-core.test-support.ts',
      'src-shared/wire/examples.test-data.ts',
      'src-shared/testing/vouchers.ts',
      'integration/till/support/sell.ts',
    ]);
    expect(testsInSupport(['test-support/till/x.test.ts', 'test-support/till/x.ts'])).toEqual([
      'test-support/till/x.test.ts',
    ]);
  });

  it('keeps every test support file in test-support/', () => {
    expect(tracked.length).toBeGreaterThan(100);
    expect(misplacedSupport(tracked)).toEqual([]);
  });

  it('keeps no test in test-support/', () => {
    expect(testsInSupport(tracked)).toEqual([]);
  });

  it('finds a test that no vitest project runs', () => {
    expect(
      testsNoProjectRuns([
        'src-node/graceful-close.test.ts',
        'src-renderer/sale/sale-screen.test.tsx',
        'integration/engine/graceful-stop.test.ts',
        'src-elsewhere/x.test.ts',
        'src-main/x.test.tsx',
        'e2e/locks.spec.ts',
      ]),
    ).toEqual(['src-elsewhere/x.test.ts', 'src-main/x.test.tsx']);
  });

  it('keeps every test where a vitest project runs it', () => {
    expect(testsNoProjectRuns(tracked)).toEqual([]);
  });
});
