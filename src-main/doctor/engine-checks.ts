import { DEMO_ENGINE_URL, type TillConfig } from '../config';
import { describeEngineConnection } from '../config/engine-connection';
import {
  createEngineClient,
  tillClientOptions,
  type EngineClient,
  type EngineFailureKind,
  type EngineHealth,
} from '../engine-client';
import { storeAndTerminalCheck, storeNotChecked } from './store-check';
import {
  describeSkew,
  failedCheck,
  judgeLatency,
  judgeSkew,
  passed,
  skipped,
  warned,
  type DiagnosticCheck,
} from './check';
import { checkWords, quoted, type CheckWords } from '../../src-shared/i18n';

const DEMO_MODE = checkWords('engine_demo_missing', { url: DEMO_ENGINE_URL });

/** What the engine checks call: the running till's own client on F3, a fresh one for `till:doctor`. */
export type CheckedEngine = Pick<EngineClient, 'health' | 'login' | 'getBasketPrice'>;

/** A client of its own for `till:doctor`, as the configuration describes the engine. */
export function engineOfConfig(config: TillConfig): CheckedEngine {
  return createEngineClient({
    baseUrl: config.engineUrl ?? DEMO_ENGINE_URL,
    credentials: config.terminalCredentials,
    timeoutMs: config.timeouts.doctorMs,
    ...tillClientOptions(config),
  });
}

/**
 * The engine checks, in order; later ones are skipped when the engine is not there. Each waits
 * `timeouts.doctorMs`, whichever client runs it, so F3 and the CLI judge alike. `configPath`
 * is where IT changes a setting a next step names.
 */
export async function engineChecks(
  config: TillConfig,
  configPath: string,
  client: CheckedEngine,
  now: () => number,
): Promise<DiagnosticCheck[]> {
  const engineUrl = config.engineUrl ?? DEMO_ENGINE_URL;

  const limit = { timeoutMs: config.timeouts.doctorMs };
  const before = now();
  const health = await client.health(limit);
  const after = now();
  if (!health.ok && config.engineUrl === undefined) {
    return [
      warned('engine_reachability', DEMO_MODE),
      warned('terminal_credentials', DEMO_MODE),
      warned('store_and_terminal', DEMO_MODE),
      warned('clock_skew', DEMO_MODE),
    ];
  }
  const connection = describeEngineConnection(engineUrl, config.engineCaFile);
  if (!health.ok) {
    const why = checkWords('skip_engine_unreachable');
    return [
      failedCheck(
        'engine_reachability',
        checkWords('engine_unreachable', {
          error: health.error.message,
          connection: connection.text,
        }),
        unreachableNextStep(engineUrl, configPath),
      ),
      skipped('terminal_credentials', why),
      storeNotChecked(config, why),
      skipped('clock_skew', why),
    ];
  }
  const reachability = reachabilityCheck(engineUrl, health.value, connection);
  // Login replaces the terminal's session on the engine; a running till logs in again on its own.
  const login = await client.login(limit);
  const { username } = config.terminalCredentials;
  const credentials = login.ok
    ? credentialsCheck(username, login.value.role)
    : failedCheck(
        'terminal_credentials',
        quoted(login.error.message),
        signInNextStep(login.error.kind, username, configPath),
      );
  const store = login.ok
    ? await storeAndTerminalCheck(config, configPath, login.value, client, limit)
    : storeNotChecked(config, checkWords('skip_sign_in'));
  // The midpoint of our own clock around the request, so that an injected clock can be judged too.
  const skewMs =
    health.value.serverTime === null
      ? null
      : health.value.serverTime - Math.round((before + after) / 2);
  return [reachability, credentials, store, clockCheck(skewMs)];
}

function unreachableNextStep(engineUrl: string, configPath: string): CheckWords {
  const settings = engineUrl.startsWith('https:') ? 'engineUrl and engineCaFile' : 'engineUrl';
  return checkWords('engine_start', { settings, path: configPath });
}

function signInNextStep(kind: EngineFailureKind, username: string, configPath: string): CheckWords {
  switch (kind) {
    case 'unauthorized':
      return checkWords('sign_in_unauthorized', { path: configPath });
    case 'rejected':
      return checkWords('sign_in_rejected', { username });
    case 'unavailable':
      return checkWords('sign_in_unavailable');
  }
}

function reachabilityCheck(
  engineUrl: string,
  health: EngineHealth,
  connection: ReturnType<typeof describeEngineConnection>,
): DiagnosticCheck {
  const { healthy, httpStatus, latencyMs } = health;
  const where = checkWords('engine_answered', {
    url: engineUrl,
    ms: latencyMs,
    connection: connection.text,
  });
  // a 5xx never gets here: the client reports it as an engine that is not there
  if (!healthy)
    return warned(
      'engine_reachability',
      checkWords('engine_unhealthy', { where, status: httpStatus }),
    );
  if (judgeLatency(latencyMs) === 'warn') {
    return warned('engine_reachability', checkWords('engine_slow', { where }));
  }
  if (connection.judgement === 'warn') return warned('engine_reachability', where);
  return passed('engine_reachability', where);
}

function credentialsCheck(username: string, role: string | null): DiagnosticCheck {
  if (role === null)
    return passed('terminal_credentials', checkWords('credentials_ok', { username }));
  if (role === 'terminal') {
    return passed('terminal_credentials', checkWords('credentials_ok_role', { username, role }));
  }
  return warned('terminal_credentials', checkWords('credentials_wrong_role', { username, role }));
}

function clockCheck(skewMs: number | null): DiagnosticCheck {
  if (skewMs === null) return warned('clock_skew', checkWords('clock_no_date'));
  const detail = checkWords('clock_matters', { skew: describeSkew(skewMs) });
  switch (judgeSkew(skewMs)) {
    case 'ok':
      return passed('clock_skew', describeSkew(skewMs));
    case 'warn':
      return warned('clock_skew', detail, checkWords('clock_use_ntp'));
    case 'fail':
      return failedCheck('clock_skew', detail, checkWords('clock_correct'));
  }
}
