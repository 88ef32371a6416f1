/**
 * `npm start`: the whole product for someone trying it. With no engine configured it first
 * starts a local demo engine (its own process, its own SQLite file, fresh demo data) and points
 * the till at it; then it builds the UI and starts the till: in the Electron window (main and preload bundled
 * first) when the Electron binary is installed, otherwise in browser mode, saying so.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pino from 'pino';
import { build as buildRenderer } from 'vite';
import { loadConfig, type TillConfig } from '../src-main/config';
import { makeOwnerOnlyDir } from '../src-main/owner-only';
import { startTill } from '../src-main/till-main';
import { buildElectron } from './build-electron';

const DEMO_ENGINE_PORT = process.env.DEMO_ENGINE_PORT ?? '8400';

function startDemoEngine(config: TillConfig): Promise<{ url: string; child: ChildProcess }> {
  makeOwnerOnlyDir(config.dataDir);
  const databaseUrl = join(config.dataDir, 'demo-engine.sqlite');
  // fresh demo data on every run, so the demo sale works again (its vouchers are used up by it)
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${databaseUrl}${suffix}`, { force: true });
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-engine/main.ts', '--demo'], {
    env: {
      ...process.env,
      ENGINE_PORT: DEMO_ENGINE_PORT,
      ENGINE_HOST: '127.0.0.1',
      ENGINE_DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('  ')) console.log(line);
      const match = /^Engine: (http:\/\/\S+)/.exec(line) ?? /"url":"(http:\/\/[^"]+)"/.exec(line);
      if (match?.[1]) resolve({ url: match[1], child });
    });
    child.once('exit', (code) => {
      reject(
        new Error(
          `the demo engine stopped (exit ${code ?? 'by signal'}); is port ${DEMO_ENGINE_PORT} taken? set DEMO_ENGINE_PORT`,
        ),
      );
    });
  });
}

/** The demo identity the loader filled in, pinned, now that an engine URL is known. */
function pinnedEnv(config: TillConfig, engineUrl: string): Record<string, string | undefined> {
  return {
    ...process.env,
    TILL_ENGINE_URL: engineUrl,
    TILL_CHAIN_ID: String(config.chainId),
    TILL_STORE_CODE: config.storeCode,
    TILL_TERMINAL_ID: config.terminalId,
    TILL_TERMINAL_USERNAME: config.terminalCredentials.username,
    TILL_TERMINAL_PASSWORD: config.terminalCredentials.password,
    TILL_CURRENCY: config.currency,
    TILL_LOCALE: config.locale,
    TILL_TIMEZONE: config.timezone,
    TILL_DATA_DIR: config.dataDir,
    // the demo engine signs its feed with the demo-only key the demo identity trusts
    TILL_HONOUR_FEED_PUBLIC_KEYS: config.honourFeedPublicKeys.join(','),
  };
}

/** Where the electron package put its binary (as its own index.js finds it); null when it is not there. */
function electronBinary(): string | null {
  const packageDir = join('node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function stopEverythingOn(signals: readonly NodeJS.Signals[], stop: () => Promise<void>): void {
  for (const signal of signals)
    process.once(signal, () => {
      engine?.child.kill('SIGTERM');
      void stop().then(() => process.exit(0));
    });
}

const loaded = loadConfig({ env: process.env });
if (!loaded.ok) {
  console.error(loaded.error.message);
  process.exit(2);
}
const { config } = loaded.value;
let engine: { url: string; child: ChildProcess } | null = null;
if (config.engineUrl === undefined) {
  console.log('No engine configured: starting the demo engine …');
  engine = await startDemoEngine(config);
  console.log(`Demo engine: ${engine.url}`);
}
console.log('Building the till UI …');
await buildRenderer({ configFile: 'vite.config.ts', logLevel: 'warn' });
const tillEnv = engine ? pinnedEnv(config, engine.url) : process.env;
const binary = electronBinary();
if (binary !== null) {
  await buildElectron(join('dist', 'electron'));
  console.log('Starting the till in its Electron window …');
  const shell = spawn(binary, [join('dist', 'electron', 'main.mjs')], {
    env: tillEnv,
    stdio: 'inherit',
  });
  shell.once('exit', (code) => {
    engine?.child.kill('SIGTERM');
    process.exit(code ?? 0);
  });
  stopEverythingOn(['SIGINT', 'SIGTERM'], () => {
    shell.kill('SIGTERM');
    return Promise.resolve();
  });
} else {
  console.log('The Electron binary is not installed here: running the till in browser mode.');
  await startBrowserMode();
}

async function startBrowserMode(): Promise<void> {
  const started = await startTill({
    env: tillEnv,
    log: pino({ level: process.env.LOG_LEVEL ?? 'warn' }),
  });
  if (!started.ok) {
    console.error(started.error.message);
    engine?.child.kill('SIGTERM');
    process.exit(2);
  }
  console.log(`\nThe till is ready: open ${started.value.url}\n`);
  stopEverythingOn(['SIGINT', 'SIGTERM'], () => started.value.stop());
}
