import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import {
  tillResultSchema,
  tillCommands,
  type TillCommandName,
  type TillInput,
  type TillOutput,
  type TillResult,
} from '../../src-shared/till';
import { DEMO_IDENTITY } from '../../src-main/config';
import { startTill, type RunningTill } from '../../src-main/till-main';
import { startHttpProxy, type HttpProxy } from './http-proxy';

export interface TestTill {
  readonly till: RunningTill;
  readonly dataDir: string;
  /** POST /api/<command> with this launch's bearer token, the answer checked against the contract. */
  send<N extends TillCommandName>(
    name: N,
    input: TillInput<N>,
    /** Another way to the same API (a proxy in front of it); the till's own address by default. */
    via?: string,
  ): Promise<TillResult<TillOutput<N>>>;
  /**
   * Stops the till and keeps its data directory (for a restart on the same data). `drainMs: 0`
   * cuts the commands still running, as a kill would.
   */
  stop(options?: { readonly drainMs?: number }): Promise<void>;
  /** Stops the till and removes its data directory. */
  close(): Promise<void>;
}

export function tillSettings(engineUrl: string, dataDir: string, terminal: TerminalAccount) {
  return {
    engineUrl,
    chainId: 1,
    storeCode: 'S001',
    terminalId: terminal.terminalId,
    terminalCredentials: { username: terminal.username, password: terminal.password },
    currency: 'EUR',
    locale: 'nl-NL',
    // a Dutch store whose tills speak English unless a test asks for Dutch (`language: 'nl'`)
    language: 'en',
    timezone: 'Europe/Amsterdam',
    dataDir,
    // the demo chain's feed is signed with the demo-only key
    honourFeedPublicKeys: DEMO_IDENTITY.honourFeedPublicKeys,
  };
}

export interface TerminalAccount {
  readonly terminalId: string;
  readonly username: string;
  readonly password: string;
}

export const TILL_ONE: TerminalAccount = {
  terminalId: '01',
  username: 'till-s001-01',
  password: 'demo-till',
};
/** The demo has one terminal account; the manager account has the terminal's rights too. */
export const TILL_TWO: TerminalAccount = {
  terminalId: '02',
  username: 'manager-s001',
  password: 'demo-manager',
};

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes the till's config file into `dataDir` (plus any `extra` keys); returns its path. */
export function writeTillConfig(
  engineUrl: string,
  terminal: TerminalAccount,
  dataDir: string,
  extra: Readonly<Record<string, unknown>> = {},
): string {
  const configPath = join(dataDir, 'till.json');
  writeFileSync(
    configPath,
    JSON.stringify({ ...tillSettings(engineUrl, dataDir, terminal), ...extra }),
    { mode: 0o600 },
  );
  return configPath;
}

export async function startTestTill(
  engineUrl: string,
  terminal: TerminalAccount,
  dataDir = tempDir('till-core-'),
  extra: Readonly<Record<string, unknown>> = {},
): Promise<TestTill> {
  const configPath = writeTillConfig(engineUrl, terminal, dataDir, extra);
  const started = await startTill({
    env: {},
    argvPath: configPath,
    port: 0,
    log: pino({ level: 'silent' }),
  });
  if (!started.ok) throw new Error(started.error.message);
  const till = started.value;
  return {
    till,
    dataDir,
    send: async (name, input, via = till.apiUrl) => {
      const response = await fetch(`${via}/api/${name}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${till.uiToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const parsed = tillResultSchema(tillCommands[name].output).parse(await response.json());
      // The schema just checked this command's output; zod cannot carry the name's type through.
      return parsed as TillResult<TillOutput<typeof name>>;
    },
    stop: (options) => till.stop(options),
    close: async () => {
      await till.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The value of a result the test expects to succeed; a failure fails the test with its message. */
export function valueOf<T>(result: TillResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A till whose every engine call passes through a proxy the test controls (held or lost answers). */
export interface ProxiedTill {
  readonly till: TestTill;
  readonly proxy: HttpProxy;
  /** Closes the till (removing its data) and the proxy. */
  readonly close: () => Promise<void>;
}

export async function startProxiedTill(
  engineUrl: string,
  terminal: TerminalAccount,
  extra: Readonly<Record<string, unknown>> = {},
): Promise<ProxiedTill> {
  const proxy = await startHttpProxy(engineUrl);
  const till = await startTestTill(proxy.url, terminal, undefined, extra);
  return {
    till,
    proxy,
    close: async () => {
      await till.close();
      await proxy.stop();
    },
  };
}
