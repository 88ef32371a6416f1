/**
 * Debian's Chromium, the only browser the e2e suite and `npm run bench:till` use: Playwright's
 * own browser downloads are never used (no `npx playwright install`).
 */
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Fails with what to do when Debian's Chromium is not installed. */
export function requireChromium(): string {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `${CHROMIUM_PATH} is missing: the end-to-end tests and bench:till run in Debian's Chromium, ` +
        `never a downloaded browser. Install Debian's chromium: apt-get install -y chromium`,
    );
  return CHROMIUM_PATH;
}

export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: requireChromium(),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
} satisfies LaunchOptions;
