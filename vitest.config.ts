import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    passWithNoTests: false,
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src-*/**/*.test.{ts,tsx}'],
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
