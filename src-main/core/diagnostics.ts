import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import type { TillHandlers, TillOutput } from '../../src-shared/till';
import { maskSecrets, type TillConfig } from '../config';
import { countOpenConflicts, countOutbox, databasePath, honourCacheState } from '../store';
import type { CoreContext } from './context';

type Check = TillOutput<'diagnostics/run'>['checks'][number];
type FlatValue = string | number | boolean | null;

/** Clock skew beyond this makes voucher lock times shown to the cashier misleading. */
const SKEW_WARN_MS = 5_000;

const packageJson = z.object({ version: z.string() });

function version(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return packageJson.parse(JSON.parse(text)).version;
}

/** `{ offline: { timeoutMs: 2000 } }` → `{ 'offline.timeoutMs': 2000 }`, secrets already masked. */
function flatten(value: unknown, prefix = '', into: Record<string, FlatValue> = {}) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value))
      flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  } else if (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  ) {
    into[prefix] = value;
  } else if (value !== undefined) {
    into[prefix] = JSON.stringify(value);
  }
  return into;
}

function dataDirCheck(config: TillConfig): Check {
  try {
    accessSync(config.dataDir, constants.W_OK);
    return { name: 'data directory', verdict: 'ok', detail: `${config.dataDir} is writable` };
  } catch {
    return { name: 'data directory', verdict: 'fail', detail: `${config.dataDir} is not writable` };
  }
}

function integrityCheck(context: CoreContext): Check {
  const answer: unknown = context.db.pragma('integrity_check', { simple: true });
  return answer === 'ok'
    ? { name: 'local database', verdict: 'ok', detail: 'integrity_check: ok' }
    : { name: 'local database', verdict: 'fail', detail: `integrity_check: ${String(answer)}` };
}

async function engineChecks(context: CoreContext): Promise<Check[]> {
  const health = await context.engine.health();
  if (!health.ok)
    return [{ name: 'engine reachable', verdict: 'fail', detail: health.error.message }];
  const { healthy, httpStatus, latencyMs, clockSkewMs } = health.value;
  const skew: Check =
    clockSkewMs === null
      ? { name: 'clock skew', verdict: 'warn', detail: 'the engine sent no Date header' }
      : {
          name: 'clock skew',
          verdict: Math.abs(clockSkewMs) > SKEW_WARN_MS ? 'warn' : 'ok',
          detail: `engine clock minus till clock: ${clockSkewMs} ms`,
        };
  const login = await context.engine.login();
  return [
    {
      name: 'engine reachable',
      verdict: healthy ? 'ok' : 'warn',
      detail: `HTTP ${httpStatus} from ${context.config.engineUrl ?? 'the demo engine'} in ${Math.round(latencyMs)} ms`,
    },
    skew,
    login.ok
      ? { name: 'terminal credentials', verdict: 'ok', detail: 'the engine accepts them' }
      : { name: 'terminal credentials', verdict: 'fail', detail: login.error.message },
  ];
}

export function diagnosticsHandlers(
  context: CoreContext,
  logPath: string,
): Pick<TillHandlers, 'status/get' | 'diagnostics/run'> {
  const { config } = context;
  return {
    'status/get': () => {
      const cache = honourCacheState(context.db);
      return Promise.resolve({
        ok: true,
        value: {
          online: context.connectivity.isOnline(),
          engineUrl: maskSecrets(config).engineUrl ?? '',
          chainId: config.chainId,
          storeCode: config.storeCode,
          terminalId: config.terminalId,
          salesWaiting: countOutbox(context.db),
          // null: the cache was never filled, and offline the till accepts no honour voucher
          honourCacheUpdatedAt: cache.updatedAt?.toISOString() ?? null,
          conflictsOpen: countOpenConflicts(context.db),
        },
      });
    },
    'diagnostics/run': async () => {
      const path = databasePath(config.dataDir);
      const checks: Check[] = [
        { name: 'configuration', verdict: 'ok', detail: 'loaded and valid' },
        dataDirCheck(config),
        integrityCheck(context),
        ...(await engineChecks(context)),
      ];
      return {
        ok: true,
        value: {
          version: version(),
          config: flatten(maskSecrets(config)),
          databasePath: path,
          databaseBytes: statSync(path, { throwIfNoEntry: false })?.size ?? 0,
          logPath,
          checks,
        },
      };
    },
  };
}
