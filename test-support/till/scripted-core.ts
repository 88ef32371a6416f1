import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreContext } from '../../src-main/commands/context';
import { loadConfig, type LoadedConfig } from '../../src-main/config';
import {
  createEngineClient,
  type EngineBasket,
  type EngineFailure,
  type EngineOutcome,
} from '../../src-main/engine-client';
import type { SaleState } from '../../src-main/sale/sale-state';
import { compilePatterns } from '../../src-main/sale/scan-router';
import { openStore } from '../../src-main/store';
import { createConnectivity, type ConnectivityMonitor } from '../../src-main/sync/connectivity';
import { manualSchedule, silentLog } from './manual-schedule';
import { tillSettings, TILL_ONE } from './till-harness';

export type PriceAnswer = EngineOutcome<EngineBasket>;

/** A core context on a real store, whose engine prices from a script and whose probe answers as told. */
export interface ScriptedCore {
  readonly context: CoreContext;
  readonly connectivity: ConnectivityMonitor;
  /** The settings as loaded, for a core made on this context. */
  readonly loaded: LoadedConfig;
  /** The answers to the next pricings, in order; each a promise the test may hold. */
  readonly answers: (() => Promise<PriceAnswer>)[];
  /** The states sent to be priced, in order. */
  readonly priced: SaleState[];
  /** For each pricing sent, whether it asked the engine to keep its locks' ends (a recheck). */
  readonly keptLockEnds: boolean[];
  /** What the next probes answer. */
  probeAnswers: boolean;
  dispose(): void;
}

export const unavailable = (cause: 'timeout' | 'no_connection' | 'bad_answer'): PriceAnswer => ({
  ok: false,
  error: { kind: 'unavailable', cause, message: cause } satisfies EngineFailure,
});

export const pricedEmpty: PriceAnswer = {
  ok: true,
  warnings: [],
  value: { lines: [], vouchers: [], totals: { gross: 0, discount: 0, net: 0 } },
};

export function scriptedCore(): ScriptedCore {
  const dataDir = mkdtempSync(join(tmpdir(), 'till-scripted-'));
  const configPath = join(dataDir, 'till.json');
  writeFileSync(configPath, JSON.stringify(tillSettings('http://127.0.0.1:9', dataDir, TILL_ONE)));
  const loaded = loadConfig({ env: {}, argvPath: configPath });
  if (!loaded.ok) throw new Error(loaded.error.message);
  const { config } = loaded.value;
  const opened = openStore(join(dataDir, 'till.sqlite'));
  if (!opened.ok) throw new Error(opened.error.message);
  const db = opened.value;
  const patterns = compilePatterns(config.scanPatterns);
  if ('error' in patterns) throw new Error(patterns.error);

  const answers: (() => Promise<PriceAnswer>)[] = [];
  const priced: SaleState[] = [];
  const keptLockEnds: boolean[] = [];
  const core = {
    probeAnswers: true,
  };
  const connectivity = createConnectivity({
    probe: () => Promise.resolve(core.probeAnswers),
    probeIntervalMs: 1_000,
    log: silentLog,
    schedule: manualSchedule().schedule,
  });
  // a real client on a closed port, its pricing scripted
  const engine = {
    ...createEngineClient({
      baseUrl: 'http://127.0.0.1:9',
      credentials: config.terminalCredentials,
      timeoutMs: config.timeouts.pricingMs,
      timeouts: config.timeouts,
    }),
    getBasketPrice: (
      sale: SaleState,
      _till: unknown,
      _limit?: unknown,
      keepLockEnds = false,
    ): Promise<PriceAnswer> => {
      priced.push(sale);
      keptLockEnds.push(keepLockEnds);
      const next = answers.shift();
      if (!next) return Promise.reject(new Error('the scripted engine has no answer left'));
      return next();
    },
  };
  const context: CoreContext = {
    config,
    db,
    engine,
    connectivity,
    patterns,
    now: Date.now,
    log: silentLog,
  };
  return Object.assign(core, {
    context,
    connectivity,
    loaded: loaded.value,
    answers,
    priced,
    keptLockEnds,
    dispose: () => {
      connectivity.stop();
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}
