/**
 * Debian's Chromium, the only browser the e2e suite and `npm run bench:till` use: Playwright's
 * own browser downloads are never used (no `npx playwright install`). CHROMIUM_PATH points at
 * another build of it, for a machine that keeps Chromium elsewhere.
 */
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

const fromEnvironment = process.env.CHROMIUM_PATH;

/** An empty CHROMIUM_PATH means the default, as in scripts/ensure-chromium.sh. */
export const CHROMIUM_PATH =
  fromEnvironment === undefined || fromEnvironment === '' ? '/usr/bin/chromium' : fromEnvironment;

/** Fails with what to do when the Chromium to run is not installed. */
export function requireChromium(): string {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `${CHROMIUM_PATH} is missing: the end-to-end tests and bench:till run in Debian's Chromium, ` +
        `never a downloaded browser. Install Debian's chromium (apt-get install -y chromium), ` +
        `or set CHROMIUM_PATH to where Chromium is.`,
    );
  return CHROMIUM_PATH;
}

// Not checked here: listing the specs (`playwright test --list`) needs no browser; the run
// checks it first (e2e/support/global-setup.ts).
export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: CHROMIUM_PATH,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
} satisfies LaunchOptions;
