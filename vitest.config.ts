import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    passWithNoTests: false,
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src-shared/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src-engine/**/*.test.ts', 'src-main/**/*.test.ts', 'integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'renderer',
          include: ['src-renderer/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['src-renderer/test/setup.ts'],
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
