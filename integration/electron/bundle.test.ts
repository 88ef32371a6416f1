import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildElectron } from '../../scripts/build-electron';
import { TILL_COMMAND_NAMES } from '../../src-shared/till';

const HOOKS = fileURLToPath(
  new URL('../../test-support/till/stand-in-electron-hooks.ts', import.meta.url),
);
const MILK = '8712345000011';

// Inside the repository, so that the bundle finds better-sqlite3 in node_modules as a package would.
const outdir = resolve('dist', `electron-bundle-test-${process.pid}`);
let dataDir: string;

beforeAll(async () => {
  await buildElectron(outdir);
  dataDir = mkdtempSync(join(tmpdir(), 'till-electron-'));
});
afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

type Exposed = Record<string, (input: unknown) => Promise<unknown>>;

describe('the bundled preload', () => {
  it('requires only electron and exposes one frozen function per till command', async () => {
    const required: string[] = [];
    const exposed = new Map<string, Exposed>();
    const invoked: [string, unknown][] = [];
    const listeners = new Map<string, (event: unknown, value: unknown) => void>();
    const standIn = {
      contextBridge: {
        exposeInMainWorld: (name: string, api: Exposed) => exposed.set(name, api),
      },
      ipcRenderer: {
        invoke: (channel: string, input: unknown) => {
          invoked.push([channel, input]);
          return Promise.resolve('the answer');
        },
        on: (channel: string, listener: (event: unknown, value: unknown) => void) => {
          listeners.set(channel, listener);
        },
        removeListener: (channel: string) => listeners.delete(channel),
      },
    };
    runInNewContext(readFileSync(join(outdir, 'preload.cjs'), 'utf8'), {
      require: (id: string) => {
        required.push(id);
        return standIn;
      },
      module: { exports: {} },
      exports: {},
    });

    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['till', 'tillEvents', 'tillPrinter']);
    const till = exposed.get('till') ?? {};
    expect(Object.keys(till).sort()).toEqual([...TILL_COMMAND_NAMES].sort());
    expect(Object.isFrozen(till)).toBe(true);
    await expect(till['sale/scan']?.({ saleId: 's', code: MILK })).resolves.toBe('the answer');
    expect(invoked).toEqual([['till:sale/scan', { saleId: 's', code: MILK }]]);

    // the event channel hands the page the value only, never Electron's event object
    const events = exposed.get('tillEvents') ?? {};
    expect(Object.keys(events)).toEqual(['subscribe']);
    expect(Object.isFrozen(events)).toBe(true);
    const heard: unknown[] = [];
    const unsubscribe: unknown = events.subscribe?.((value: unknown) => {
      heard.push(value);
      return Promise.resolve(undefined);
    });
    const [channel, forward] = [...listeners.entries()][0] ?? [];
    forward?.({ sender: 'the event object' }, { kind: 'synced' });
    expect(heard).toEqual([{ kind: 'synced' }]);
    expect(channel).toEqual(expect.any(String));
    if (typeof unsubscribe !== 'function') throw new Error('subscribe gave no way to stop');
    Reflect.apply(unsubscribe, undefined, []);
    expect(listeners.size).toBe(0);

    // the printer asks main to print the page, on its one channel, with nothing else
    const printer = exposed.get('tillPrinter') ?? {};
    expect(Object.keys(printer)).toEqual(['print']);
    expect(Object.isFrozen(printer)).toBe(true);
    await expect(printer.print?.(undefined)).resolves.toBe('the answer');
    expect(invoked.at(-1)).toEqual(['till-print', undefined]);
  });
});

describe('the bundled main process, under a stand-in electron', () => {
  it('opens the secure window on a working till, every command on its IPC channel', async () => {
    const port = await freePort();
    const main = startMain({ TILL_PORT: String(port) });
    try {
      const window = await main.until('window');
      expect(window).toMatchObject({
        kiosk: false,
        webPreferences: {
          preload: join(outdir, 'preload.cjs'),
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
        },
      });
      const url = String(await main.until('load'));
      expect(main.reported('ipc-channels')).toEqual([
        [...TILL_COMMAND_NAMES.map((name) => `till:${name}`), 'till-print'],
      ]);
      expect(main.reported('content-security-policy')).toEqual(['set']);
      expect(main.reported('window-listener')).toEqual([
        'will-navigate',
        'will-redirect',
        'will-frame-navigate',
      ]);
      expect(main.reported('permission-handler')).toEqual(['request', 'check', 'device']);
      expect(main.reported('app-listener')).toEqual(
        expect.arrayContaining(['second-instance', 'window-all-closed']),
      );

      const { origin, searchParams } = new URL(url);
      expect(origin).toBe(`http://127.0.0.1:${String(port)}`);
      const call = async (command: string, input: unknown) => {
        const response = await fetch(`${origin}/api/${command}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${searchParams.get('token') ?? ''}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify(input),
        });
        const body: unknown = await response.json();
        return body;
      };
      const current = await call('sale/current', {});
      expect(current).toMatchObject({ ok: true, value: { state: 'open' } });
      const { saleId } = z.object({ value: z.object({ saleId: z.string() }) }).parse(current).value;
      // the demo catalogue shipped beside the bundle was imported: the milk is known
      expect(await call('sale/scan', { saleId, code: MILK })).toMatchObject({
        ok: true,
        value: { lines: [{ barcode: MILK, name: 'Whole milk 1 L', quantity: 1 }] },
      });
    } finally {
      await main.stop();
    }
  });

  it('quits at once when another instance already runs', async () => {
    const port = await freePort();
    const main = startMain({ TILL_PORT: String(port), STAND_IN_SECOND_INSTANCE: '1' });
    expect(await main.exited).toBe(0);
    expect(main.reported('quit')).toEqual([null]);
    expect(main.reported('window')).toEqual([]);
  });
});

interface RunningMain {
  /** The detail of the first report of `what`, once it arrives. */
  until(what: string): Promise<unknown>;
  reported(what: string): unknown[];
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

function startMain(env: Record<string, string>): RunningMain {
  const configPath = join(dataDir, 'till.json');
  writeFileSync(
    configPath,
    JSON.stringify({
      engineUrl: 'http://127.0.0.1:9',
      chainId: 1,
      storeCode: 'S001',
      terminalId: '01',
      terminalCredentials: { username: 'till-s001-01', password: 'demo-till' },
      currency: 'EUR',
      timezone: 'Europe/Amsterdam',
      dataDir,
      timeouts: { confirmMs: 1000, doctorMs: 1000 },
    }),
  );
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', HOOKS, join(outdir, 'main.mjs')],
    {
      env: { ...process.env, ...env, TILL_CONFIG: configPath, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stderr: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const reports: { what: string; detail: unknown }[] = [];
  const waiting = new Map<string, (detail: unknown) => void>();
  createInterface({ input: child.stdout }).on('line', (line) => {
    const match = /^STAND-IN (\S+) (.*)$/.exec(line);
    if (!match?.[1] || match[2] === undefined) return;
    const detail: unknown = JSON.parse(match[2]);
    const report = { what: match[1], detail };
    reports.push(report);
    waiting.get(report.what)?.(report.detail);
  });
  const exited = new Promise<number | null>((resolveExit) => {
    child.once('exit', (code) => {
      resolveExit(code);
    });
  });
  return {
    until: (what) => {
      const seen = reports.find((report) => report.what === what);
      if (seen) return Promise.resolve(seen.detail);
      return Promise.race([
        new Promise<unknown>((resolveReport) => waiting.set(what, resolveReport)),
        exited.then((code) => {
          throw new Error(`the main process exited (${String(code)}): ${stderr.join('')}`);
        }),
      ]);
    },
    reported: (what) =>
      reports.filter((report) => report.what === what).map((report) => report.detail),
    exited,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}
