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

const DEMO_MODE = `no engine is configured (no engineUrl in the config) and the demo engine at ${DEMO_ENGINE_URL} does not answer: start it with \`npm run engine -- --demo\`, or use \`npm start\``;

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
      warned('engine reachability', DEMO_MODE),
      warned('terminal credentials', DEMO_MODE),
      warned('store and terminal', DEMO_MODE),
      warned('clock skew', DEMO_MODE),
    ];
  }
  const connection = describeEngineConnection(engineUrl, config.engineCaFile);
  if (!health.ok) {
    const why = 'the engine is not reachable';
    return [
      failedCheck(
        'engine reachability',
        `${health.error.message} (${connection.text})`,
        unreachableNextStep(engineUrl, configPath),
      ),
      skipped('terminal credentials', why),
      storeNotChecked(config, why),
      skipped('clock skew', why),
    ];
  }
  const reachability = reachabilityCheck(engineUrl, health.value, connection);
  // Login replaces the terminal's session on the engine; a running till logs in again on its own.
  const login = await client.login(limit);
  const { username } = config.terminalCredentials;
  const credentials = login.ok
    ? credentialsCheck(username, login.value.role)
    : failedCheck(
        'terminal credentials',
        login.error.message,
        signInNextStep(login.error.kind, username, configPath),
      );
  const store = login.ok
    ? await storeAndTerminalCheck(config, configPath, login.value, client, limit)
    : storeNotChecked(config, 'the terminal account could not sign in');
  // The midpoint of our own clock around the request, so that an injected clock can be judged too.
  const skewMs =
    health.value.serverTime === null
      ? null
      : health.value.serverTime - Math.round((before + after) / 2);
  return [reachability, credentials, store, clockCheck(skewMs)];
}

function unreachableNextStep(engineUrl: string, configPath: string): string {
  const settings = engineUrl.startsWith('https:') ? 'engineUrl and engineCaFile' : 'engineUrl';
  return `Start the voucher engine or check ${settings} in ${configPath}; the till keeps selling offline meanwhile.`;
}

function signInNextStep(kind: EngineFailureKind, username: string, configPath: string): string {
  switch (kind) {
    case 'unauthorized':
      return `Check terminalCredentials.username and terminalCredentials.password in ${configPath} against the terminal's account on the engine; the engine's administrator can reset its password.`;
    case 'rejected':
      return `Ask the engine's administrator why the engine refuses the account ${username} (its words are above).`;
    case 'unavailable':
      return "The engine answered its health check but not the sign-in: run the checks again, and if it happens again look at the engine's log.";
  }
}

function reachabilityCheck(
  engineUrl: string,
  health: EngineHealth,
  connection: ReturnType<typeof describeEngineConnection>,
): DiagnosticCheck {
  const { healthy, httpStatus, latencyMs } = health;
  const where = `${engineUrl} answered in ${latencyMs} ms, ${connection.text}`;
  // a 5xx never gets here: the client reports it as an engine that is not there
  if (!healthy)
    return warned(
      'engine reachability',
      `${where}, but /healthz did not report ok (HTTP ${httpStatus})`,
    );
  if (judgeLatency(latencyMs) === 'warn') {
    return warned('engine reachability', `${where}: slower than 1 s, sales will feel sluggish`);
  }
  if (connection.judgement === 'warn') return warned('engine reachability', where);
  return passed('engine reachability', where);
}

function credentialsCheck(username: string, role: string | null): DiagnosticCheck {
  if (role === null || role === 'terminal') {
    return passed('terminal credentials', `${username} logged in${role ? ` (role ${role})` : ''}`);
  }
  return warned(
    'terminal credentials',
    `${username} logged in, but as a ${role} account: give the till its own terminal account`,
  );
}

function clockCheck(skewMs: number | null): DiagnosticCheck {
  if (skewMs === null) {
    return warned('clock skew', 'the engine sent no Date header, so its clock cannot be compared');
  }
  const detail = `${describeSkew(skewMs)} (vouchers expire and locks lapse on the engine's clock)`;
  switch (judgeSkew(skewMs)) {
    case 'ok':
      return passed('clock skew', describeSkew(skewMs));
    case 'warn':
      return warned('clock skew', detail, "Set this terminal's time from NTP.");
    case 'fail':
      return failedCheck(
        'clock skew',
        detail,
        "Correct this terminal's clock and let it keep time from NTP, then run the checks again.",
      );
  }
}
