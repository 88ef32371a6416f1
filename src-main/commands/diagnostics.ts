import type { TillHandlers } from '../../src-shared/till';
import { maskSecrets, tenderView, type LoadedConfig } from '../config';
import { flattenConfig } from '../doctor/flat-config';
import { runChecks } from '../doctor/run-diagnostics';
import { countOpenConflicts, countOutbox, honourCacheState } from '../store';
import type { CoreContext } from './context';

/** How the running till's configuration was loaded: what the F3 screen's config check reports on. */
export interface ConfigSource {
  readonly loaded: LoadedConfig;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly argvPath?: string;
}

export function diagnosticsHandlers(
  context: CoreContext,
  configSource: ConfigSource,
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
          language: config.language,
          locale: config.locale,
          currency: config.currency,
          trainingMode: config.trainingMode,
          tender: tenderView(config.tender),
          receiptPaper: config.receiptPaper,
        },
      });
    },
    // the checks of `till:doctor`, with this till's own engine client (its session is the one checked)
    'diagnostics/run': async () => {
      const report = await runChecks({
        ...configSource,
        engine: context.engine,
        now: context.now,
      });
      const { facts } = report;
      return {
        ok: true,
        value: {
          version: facts.version,
          config: flattenConfig(report.config),
          databasePath: facts.databasePath,
          databaseBytes: facts.databaseBytes,
          salesWaiting: facts.salesWaiting,
          conflictsOpen: facts.conflictsOpen,
          honourCacheUpdatedAt: facts.honourCacheUpdatedAt?.toISOString() ?? null,
          logPath,
          checks: [...report.checks],
        },
      };
    },
  };
}
