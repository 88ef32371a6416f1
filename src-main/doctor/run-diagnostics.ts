import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  defaultConfigPath,
  loadConfig,
  MASK,
  maskSecrets,
  type LoadedConfig,
  type TillConfig,
} from '../config';
import { currentPlatform } from '../config/paths';
import { databasePath } from '../store';
import { tillVersion } from '../engine-client';
import { checkWords, mapCheckText, quoted } from '../../src-shared/i18n';
import { CHECK_NAMES, failedCheck, skipped, type DiagnosticCheck } from './check';
import { engineChecks, engineOfConfig, type CheckedEngine } from './engine-checks';
import { feedCheck } from './feed-checks';
import {
  configCheck,
  dataDirectoryCheck,
  inspectDatabase,
  unreadStoreFacts,
  type StoreFacts,
} from './local-checks';

export interface DiagnosticsOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** A config path from the command line (`--config`). */
  readonly argvPath?: string;
  /** This terminal's clock, judged against the engine's; default `Date.now`. */
  readonly now?: () => number;
}

/** What the report states besides the checks. */
export interface DiagnosticFacts extends StoreFacts {
  readonly version: string;
  readonly databasePath: string;
}

/** The report of a configuration that loaded. */
export interface CheckedReport {
  /** One per check of CHECK_NAMES, in that order. */
  readonly checks: readonly DiagnosticCheck[];
  /** With every secret masked. */
  readonly config: TillConfig;
  readonly configPath: string;
  readonly facts: DiagnosticFacts;
}

/** A configuration that does not load leaves nothing to state: no settings, no data folder. */
export type DiagnosticsReport =
  | CheckedReport
  | {
      readonly checks: readonly DiagnosticCheck[];
      readonly config: null;
      readonly configPath: null;
      readonly facts: null;
    };

/** What the checks of a loaded configuration need. */
export interface CheckInputs {
  readonly loaded: LoadedConfig;
  /** The environment and `--config` path the configuration was loaded from. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly argvPath?: string;
  readonly engine: CheckedEngine;
  readonly now: () => number;
}

/**
 * `till:doctor`: loads the configuration as the till does, then runs every check in order;
 * expected problems become verdicts, only bugs throw.
 */
export async function runDiagnostics(options: DiagnosticsOptions): Promise<DiagnosticsReport> {
  const { env, argvPath } = options;
  const loaded = loadConfig({ env, ...(argvPath === undefined ? {} : { argvPath }) });
  if (!loaded.ok) {
    const why = checkWords('skip_config_invalid');
    const checks = [
      failedCheck(
        'config',
        quoted(loaded.error.message),
        checkWords('config_fix', { path: namedConfigPath(options) }),
      ),
      ...CHECK_NAMES.filter((name) => name !== 'config').map((name) => skipped(name, why)),
    ];
    return redacted(
      { checks, config: null, configPath: null, facts: null },
      secretsBeforeLoading(options),
    );
  }
  return runChecks({
    loaded: loaded.value,
    env,
    ...(argvPath === undefined ? {} : { argvPath }),
    engine: engineOfConfig(loaded.value.config),
    now: options.now ?? Date.now,
  });
}

/** Every check of a loaded configuration, with the facts: what `till:doctor` prints and F3 shows. */
export async function runChecks(inputs: CheckInputs): Promise<CheckedReport> {
  const { config, path } = inputs.loaded;
  const checks: DiagnosticCheck[] = [configCheck(inputs.loaded, inputs.env, inputs.argvPath)];
  const dataDir = dataDirectoryCheck(config.dataDir, path);
  checks.push(dataDir);
  const database =
    dataDir.verdict === 'fail'
      ? {
          check: skipped('local_database', checkWords('skip_data_dir')),
          audit: skipped('audit_log', checkWords('skip_data_dir')),
          facts: unreadStoreFacts(config.dataDir),
        }
      : inspectDatabase(config.dataDir);
  checks.push(database.check, database.audit);
  checks.push(...(await engineChecks(config, path, inputs.engine, inputs.now)));
  checks.push(feedCheck(config, database.check));
  const facts: DiagnosticFacts = {
    version: tillVersion(),
    databasePath: databasePath(config.dataDir),
    ...database.facts,
  };
  return redacted(
    { checks, config: maskSecrets(config), configPath: path, facts },
    secretsOf(config),
  );
}

/** V8's JSON.parse message quotes up to the whole file: `Unexpected token 'x', ..."text"... is not valid JSON`. */
const JSON_EXCERPT = /, (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON/g;

/**
 * Details quote other modules' messages (a URL, the JSON parser's excerpt of the config file,
 * which may cut a password in half), so excerpts are dropped and every known secret is replaced
 * wherever it appears. Very short values are left alone: replacing a one-letter password
 * everywhere would garble the report without protecting anything.
 */
function redacted<Report extends DiagnosticsReport>(
  report: Report,
  secrets: readonly string[],
): Report {
  const hidden = [...new Set(secrets)].filter((secret) => secret.length >= 3);
  const scrub = (text: string) =>
    hidden.reduce(
      (out, secret) => out.split(secret).join(MASK),
      text.replace(JSON_EXCERPT, ' is not valid JSON'),
    );
  return {
    ...report,
    checks: report.checks.map((check) => ({
      ...check,
      detail: mapCheckText(check.detail, scrub),
      nextStep: check.nextStep === null ? null : mapCheckText(check.nextStep, scrub),
    })),
  };
}

function secretsOf(config: TillConfig): string[] {
  const secrets = [config.terminalCredentials.password];
  if (config.hostPosToken !== undefined) secrets.push(config.hostPosToken);
  if (config.engineUrl !== undefined && URL.canParse(config.engineUrl)) {
    const { password } = new URL(config.engineUrl);
    if (password !== '') secrets.push(password, decodeURIComponent(password));
  }
  return secrets;
}

const SECRET_IN_JSON = /"(?:password|hostPosToken)"\s*:\s*"((?:[^"\\]|\\.)*)"/g;

/** When the config does not load, the secrets are read as best we can from the env and the raw file. */
function secretsBeforeLoading({ env, argvPath }: DiagnosticsOptions): string[] {
  const secrets = [env.TILL_TERMINAL_PASSWORD, env.TILL_HOST_POS_TOKEN].filter(
    (value): value is string => value !== undefined,
  );
  try {
    const text = readFileSync(namedConfigPath({ env, argvPath }), 'utf8');
    for (const match of text.matchAll(SECRET_IN_JSON)) {
      if (match[1] !== undefined) secrets.push(match[1]);
    }
  } catch {
    // unreadable: then no excerpt of it can be in the report either
  }
  return secrets;
}

/** The file `loadConfig` reads, as it chooses it: `--config`, else `TILL_CONFIG`, else the default. */
function namedConfigPath({ env, argvPath }: DiagnosticsOptions): string {
  const named = argvPath ?? (env.TILL_CONFIG?.trim() ? env.TILL_CONFIG : undefined);
  return resolve(named ?? defaultConfigPath(currentPlatform(env)));
}
