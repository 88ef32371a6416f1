import { defineConfig } from 'vitest/config';

// Projects are named by what they run; where each kind of test lives is in CONTRIBUTING.md.
export default defineConfig({
  test: {
    passWithNoTests: false,
    reporters: ['default', './test-support/tooling/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'src-shared/**/*.test.ts',
            'src-main/**/*.test.ts',
            'src-engine/**/*.test.ts',
            'src-node/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'components',
          include: ['src-renderer/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['test-support/renderer/setup.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'tooling',
          include: ['tests/**/*.test.ts'],
        },
      },
    ],
  },
});
