/**
 * `npm start`: the whole product for someone trying it. With no engine configured it first
 * starts a local demo engine (its own process, its own SQLite file, the demo data) and points
 * the till at it; then it starts the till. The Electron window needs the Electron binary,
 * which is not installed here: without it the till runs in browser mode and says so.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pino from 'pino';
import { loadConfig, type TillConfig } from '../src-main/config';
import { startTill } from '../src-main/till-main';

const DEMO_ENGINE_PORT = process.env.DEMO_ENGINE_PORT ?? '8400';

function startDemoEngine(config: TillConfig): Promise<{ url: string; child: ChildProcess }> {
  mkdirSync(config.dataDir, { recursive: true });
  const databaseUrl = join(config.dataDir, 'demo-engine.sqlite');
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
  };
}

function electronBinaryPresent(): boolean {
  return existsSync(join('node_modules', 'electron', 'dist'));
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
if (!electronBinaryPresent()) {
  console.log('The Electron binary is not installed here: running the till in browser mode.');
}
const started = await startTill({
  env: engine ? pinnedEnv(config, engine.url) : process.env,
  log: pino({ level: process.env.LOG_LEVEL ?? 'warn' }),
});
if (!started.ok) {
  console.error(started.error.message);
  engine?.child.kill('SIGTERM');
  process.exit(2);
}
console.log(`\nThe till is ready: open ${started.value.url}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    engine?.child.kill('SIGTERM');
    void started.value.stop().then(() => process.exit(0));
  });
}
