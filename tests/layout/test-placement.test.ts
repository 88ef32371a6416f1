import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

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
});
