import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pino, { type Logger } from 'pino';
import { err, ok, type Result } from '../src-shared/result';
import { DEMO_ENGINE_URL, loadConfig, maskSecrets, type TillConfig } from './config';
import { createEngineClient, tillClientOptions } from './engine-client';
import { databasePath, importCatalogue, listProducts, openStore } from './store';
import { feedTrustOf, startSync, type RunningSync } from './sync';
import { startTillHttpServer, TillListenError, type TillHttpServer } from './transport/http-server';
import type { InterruptedSales } from './commands/interrupted-sales';
import { createTillCore, type TillCore } from './commands/till-core';

export interface StartTillOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly argvPath?: string;
  readonly cwd?: string;
  /** Overrides the configured port (tests pass 0 for any free port). */
  readonly port?: number;
  readonly log?: Logger;
  /** Where the demo catalogue and the built UI are; next to the sources by default (a bundle passes its own). */
  readonly assets?: TillAssets;
}

export interface TillAssets {
  readonly demoCatalogue: string;
  readonly rendererDir: string;
}

export const SOURCE_ASSETS: TillAssets = {
  demoCatalogue: fileURLToPath(new URL('./store/demo-catalogue.csv', import.meta.url)),
  rendererDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
};

export interface RunningTill {
  readonly config: TillConfig;
  /** The UI's address, including this launch's token. */
  readonly url: string;
  readonly apiUrl: string;
  /** This launch's bearer token for the UI. */
  readonly uiToken: string;
  readonly core: TillCore;
  /** Settles once the sales the previous run left open are dealt with (started in the background). */
  readonly interrupted: Promise<InterruptedSales>;
  /** The honour-cache and outbox workers (tests await `sync.syncNow()`). */
  readonly sync: RunningSync;
  /** `drainMs`: how long the commands already received may take before they are cut (10 s). */
  stop(options?: { readonly drainMs?: number }): Promise<void>;
}

/** Why the till could not start: a message for IT, naming the key and the file. */
export interface StartFailure {
  readonly message: string;
}

/** Config, store (with the demo catalogue when empty), engine client, core and loopback API. */
export async function startTill(
  options: StartTillOptions,
): Promise<Result<RunningTill, StartFailure>> {
  const loaded = loadConfig({
    env: options.env,
    ...(options.argvPath === undefined ? {} : { argvPath: options.argvPath }),
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  });
  if (!loaded.ok) return err({ message: loaded.error.message });
  const log = options.log ?? pino();
  for (const warning of loaded.value.warnings) log.warn({}, warning);
  const assets = options.assets ?? SOURCE_ASSETS;
  // without one configured, the till prices against the demo engine's default address
  const config = {
    ...loaded.value.config,
    engineUrl: loaded.value.config.engineUrl ?? DEMO_ENGINE_URL,
  };
  if (loaded.value.config.engineUrl === undefined)
    log.info({ engineUrl: DEMO_ENGINE_URL }, 'no engineUrl configured: using the demo engine');
  const opened = openStore(databasePath(config.dataDir));
  if (!opened.ok) return err({ message: opened.error.message });
  const store = opened.value;
  if (listProducts(store).length === 0) {
    const imported = importCatalogue(store, assets.demoCatalogue, { currency: config.currency });
    if (!imported.ok) throw new Error(`the demo catalogue is broken: ${imported.error.message}`);
    log.info(
      { products: imported.value.total },
      'the catalogue was empty: demo catalogue imported',
    );
  }
  const engine = createEngineClient({
    baseUrl: config.engineUrl,
    credentials: config.terminalCredentials,
    // signing in happens on the way to a pricing call, so it shares that call's limit
    timeoutMs: config.timeouts.pricingMs,
    timeouts: config.timeouts,
    ...tillClientOptions(config),
    log,
  });
  const configSource = {
    loaded: loaded.value,
    env: options.env,
    ...(options.argvPath === undefined ? {} : { argvPath: options.argvPath }),
  };
  const core = createTillCore({ config, store, engine, log, configSource });
  const interrupted = core.releaseInterruptedSales().catch((error: unknown) => {
    log.error({ err: error }, 'could not release the sales a previous run left open');
    return { confirmed: [], released: [], pending: [] };
  });
  const uiToken = randomBytes(24).toString('base64url');
  let server: TillHttpServer;
  try {
    server = await startTillHttpServer({
      handlers: core.handlers,
      events: core.events.subscribe,
      tokens: config.hostPosToken === undefined ? [uiToken] : [uiToken, config.hostPosToken],
      port: options.port ?? config.httpPort,
      staticDir: existsSync(assets.rendererDir) ? assets.rendererDir : null,
      onFault: (error, command) => {
        log.error({ err: error, command }, 'a till command failed');
      },
    });
  } catch (error) {
    if (!(error instanceof TillListenError)) throw error;
    await interrupted;
    core.close();
    store.close();
    return err({ message: error.message });
  }
  log.info({ config: maskSecrets(config), api: server.url }, 'the till is listening');
  // the outbox resumes from what the store holds; the honour cache from its stored cursor
  const sync = startSync({
    db: store,
    engine,
    connectivity: core.connectivity,
    log,
    resumeConfirm: core.resumeInterruptedConfirm,
    tillId: `${config.storeCode}-${config.terminalId}`,
    feed: feedTrustOf(config),
    onSynced: () => {
      core.events.emit({ kind: 'sync-changed' });
    },
  });
  return ok({
    config,
    url: `${server.url}/?token=${uiToken}`,
    apiUrl: server.url,
    uiToken,
    core,
    interrupted,
    sync,
    stop: async (stopOptions = {}) => {
      await server.stop(stopOptions.drainMs);
      await interrupted;
      await sync.stop();
      core.close();
      store.close();
    },
  });
}
