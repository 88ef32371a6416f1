import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { DiagnosticCheck, Verdict } from '../../src-main/doctor/check';
import { englishCheck, type EnglishCheck } from '../../src-main/doctor/english';
import { DEMO_IDENTITY } from '../../src-main/config';
import { parseFeedPublicKey } from '../../src-node/feed-signature';
import { databasePath, openStore, recordFeedCheck, type FeedCheck } from '../../src-main/store';
import { DEMO } from './demo-baskets';

const CLI = fileURLToPath(new URL('../../src-main/doctor/doctor-cli.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A demo page that verified with the demo chain's key. */
const VERIFIED_PAGE: FeedCheck = {
  verified: true,
  keyId: demoFeedKeyId(),
  cursor: 0,
};

function demoFeedKeyId(): string {
  const parsed = parseFeedPublicKey(DEMO_IDENTITY.honourFeedPublicKeys[0]);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value.keyId;
}

/** A temp folder holding the till's config file and data directory; `dispose` removes both. */
export interface TillFolder {
  readonly folder: string;
  readonly dataDir: string;
  /** Only this test's settings: no TILL_* variable of the machine running the tests. */
  readonly env: Record<string, string>;
  writeConfig(settings: Record<string, unknown>, name?: string): string;
  /**
   * Creates and migrates the local database, as the till's first start does; with `feed`, as if
   * the till had since checked an honour-feed page (by default: one that verified).
   */
  createStore(feed?: FeedCheck | null): void;
  dispose(): void;
}

export function tillFolder(): TillFolder {
  const folder = mkdtempSync(join(tmpdir(), 'till-doctor-'));
  const dataDir = join(folder, 'data');
  const inherited = Object.entries(process.env).filter(
    (entry): entry is [string, string] => !entry[0].startsWith('TILL_') && entry[1] !== undefined,
  );
  return {
    folder,
    dataDir,
    env: { ...Object.fromEntries(inherited), HOME: folder, XDG_CONFIG_HOME: folder },
    writeConfig: (settings, name = 'config.json') => {
      const path = join(folder, name);
      // as IT is told to keep it: the terminal's password is in it
      writeFileSync(path, JSON.stringify(settings, null, 2), { mode: 0o600 });
      return path;
    },
    createStore: (feed = VERIFIED_PAGE) => {
      const opened = openStore(databasePath(dataDir));
      if (!opened.ok) throw new Error(opened.error.message);
      if (feed !== null) recordFeedCheck(opened.value, feed, new Date());
      opened.value.close();
    },
    dispose: () => {
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The demo terminal's settings against `engineUrl`, with this folder's data directory. */
export function demoSettings(
  engineUrl: string | undefined,
  dataDir: string,
  password: string = DEMO.terminal.password,
): Record<string, unknown> {
  return {
    ...(engineUrl === undefined ? {} : { engineUrl }),
    chainId: DEMO.chainId,
    storeCode: DEMO.storeCode,
    terminalId: '01',
    terminalCredentials: { username: DEMO.terminal.username, password },
    currency: 'EUR',
    timezone: 'Europe/Amsterdam',
    dataDir,
    timeouts: { confirmMs: 5_000, doctorMs: 5_000 },
    honourFeedPublicKeys: DEMO_IDENTITY.honourFeedPublicKeys,
  };
}

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The real CLI in its own process; asynchronous, so that an engine in this process can answer it. */
export function runDoctorCli(
  args: readonly string[],
  env: Record<string, string>,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { env, cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      resolve({ status, stdout, stderr });
    });
  });
}

/** The checks as `till:doctor` prints them: titles, details and next steps in English. */
export function inEnglish(checks: readonly DiagnosticCheck[]): EnglishCheck[] {
  return checks.map(englishCheck);
}

/** One check by its English title (`engine reachability`), its words in English. */
export function checkNamed(checks: readonly DiagnosticCheck[], title: string): EnglishCheck {
  const found = inEnglish(checks).find((check) => check.name === title);
  if (!found) throw new Error(`no check named ${title}`);
  return found;
}

/** Each check's verdict by its English title. */
export function verdicts(checks: readonly DiagnosticCheck[]): Record<string, string> {
  return Object.fromEntries(inEnglish(checks).map((check) => [check.name, check.verdict]));
}

export function expectCheck(check: EnglishCheck, verdict: Verdict, fragment: string): void {
  expect(check.verdict, check.detail).toBe(verdict);
  expect(check.detail).toContain(fragment);
}
