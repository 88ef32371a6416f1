import { basename, dirname, isAbsolute, resolve } from 'node:path';
import type { z } from 'zod';
import { err, ok, type Result } from '../../src-shared/result';
import { DEMO_IDENTITY } from './demo-identity';
import { ENV_OVERRIDES, readEnvOverrides, type EnvOverride } from './env-overrides';
import { currentPlatform, defaultConfigPath, defaultDataDir, type PlatformContext } from './paths';
import { isPlainObject, readConfigFile, type ConfigFile } from './read-config-file';
import { dropRetiredSettings } from './retired-settings';
import { resolveTimeouts, tillConfigSchema, type DeprecatedKey, type TillConfig } from './schema';

export interface LoadConfigOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** A path given on the command line (`--config`); it wins over `TILL_CONFIG`. */
  readonly argvPath?: string;
  /** For tests: the platform, home folder and working directory to resolve defaults against. */
  readonly platform?: PlatformContext;
  readonly cwd?: string;
}

export interface LoadedConfig {
  readonly config: TillConfig;
  /** The file the settings came from, and whether it existed. */
  readonly path: string;
  readonly fileFound: boolean;
  /**
   * One line for IT per setting that is no longer read (ignored) or deprecated (read as its
   * replacement), naming the key and what to do instead.
   */
  readonly warnings: readonly string[];
}

export interface ConfigError {
  readonly code: 'config_invalid';
  /** Every problem on its own line, each naming the key and where it came from. */
  readonly message: string;
  readonly problems: readonly string[];
}

/**
 * The till's configuration: the JSON file (`argvPath`, else `TILL_CONFIG`, else the platform
 * default), then environment overrides, then demo identity (only without `engineUrl`), then
 * defaults. Relative `dataDir` and `engineCaFile` values resolve against the file's folder (from
 * the file) or the working directory (from `TILL_DATA_DIR`, `TILL_ENGINE_CA_FILE`).
 */
export function loadConfig(options: LoadConfigOptions): Result<LoadedConfig, ConfigError> {
  const { env, argvPath } = options;
  const platform = options.platform ?? currentPlatform(env);
  const cwd = options.cwd ?? process.cwd();
  const named = argvPath ?? nonEmpty(env.TILL_CONFIG);
  const path = resolve(cwd, named ?? defaultConfigPath(platform));

  const file = readConfigFile(path, named !== undefined);
  if (!file.ok) return failure([file.error]);
  const overrides = readEnvOverrides(env);
  if (!overrides.ok) return failure(overrides.error);

  const merged = file.value.found ? structuredClone(file.value.content) : {};
  const warnings = dropRetiredSettings(merged, file.value, env);
  for (const override of overrides.value) setAt(merged, override.key, override.value);
  if (merged.engineUrl === undefined) fillMissing(merged, DEMO_IDENTITY);
  merged.dataDir = resolveDataDir(merged.dataDir, overrides.value, file.value, cwd, platform);
  if (merged.engineCaFile !== undefined)
    merged.engineCaFile = resolvePath(
      'engineCaFile',
      merged.engineCaFile,
      overrides.value,
      file.value,
      cwd,
    );

  const parsed = tillConfigSchema.safeParse(merged);
  if (!parsed.success) {
    return failure(describeIssues(parsed.error.issues, merged, file.value, overrides.value));
  }
  const { config, deprecated } = resolveTimeouts(parsed.data);
  return ok({
    config,
    path,
    fileFound: file.value.found,
    warnings: [
      ...warnings,
      ...deprecated.map((key) => deprecation(key, file.value, overrides.value)),
    ],
  });
}

function deprecation(
  { key, readAs }: DeprecatedKey,
  file: ConfigFile,
  overrides: readonly EnvOverride[],
): string {
  const those = readAs.length > 1;
  const message = `is deprecated: it is read as ${readAs.join(' and ')} (where ${those ? 'those are' : 'it is'} not set); set ${those ? 'those' : 'that'} instead`;
  return locate(key.split('.'), message, file, overrides);
}

function failure(problems: readonly string[]): Result<never, ConfigError> {
  const message = `The till's configuration has a problem:\n${problems.map((line) => `  ${line}`).join('\n')}`;
  return err({ code: 'config_invalid', message, problems });
}

function resolveDataDir(
  value: unknown,
  overrides: readonly EnvOverride[],
  file: ConfigFile,
  cwd: string,
  platform: PlatformContext,
): unknown {
  if (value === undefined) return defaultDataDir(platform);
  return resolvePath('dataDir', value, overrides, file, cwd);
}

/** A relative path resolves against the file's folder (from the file) or the working directory (from the environment). */
function resolvePath(
  key: string,
  value: unknown,
  overrides: readonly EnvOverride[],
  file: ConfigFile,
  cwd: string,
): unknown {
  if (typeof value !== 'string' || value === '' || isAbsolute(value)) return value;
  const fromEnv = overrides.some((override) => override.key[0] === key);
  return resolve(fromEnv ? cwd : dirname(file.path), value);
}

function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  merged: Record<string, unknown>,
  file: ConfigFile,
  overrides: readonly EnvOverride[],
): string[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) =>
        locate([...path, key], 'is not a known setting', file, overrides),
      );
    }
    const missing = issue.code === 'invalid_type' && getAt(merged, path) === undefined;
    const message = missing ? 'is required' : issue.message;
    return [locate(path, message, file, overrides)];
  });
}

function locate(
  path: readonly string[],
  message: string,
  file: ConfigFile,
  overrides: readonly EnvOverride[],
): string {
  const key = path.join('.');
  const override = overrides.find((candidate) => candidate.key.join('.') === key);
  if (override) return `${override.name} (${key}): ${message} (environment)`;
  if (file.found) return `${basename(file.path)}: ${key}: ${message} (file ${file.path})`;
  const envNames = ENV_OVERRIDES.filter(({ key: envKey }) =>
    `${envKey.join('.')}.`.startsWith(`${key}.`),
  ).map(({ name }) => name);
  const where =
    envNames.length > 0
      ? `set it in that file or in ${envNames.join(' and ')}`
      : 'set it in that file';
  return `${key}: ${message} (no config file at ${file.path}; ${where})`;
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const child = target[head];
  const next: Record<string, unknown> = isPlainObject(child) ? child : {};
  target[head] = next;
  setAt(next, rest, value);
}

function getAt(source: unknown, path: readonly string[]): unknown {
  let current: unknown = source;
  for (const key of path) {
    if (!isPlainObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

function fillMissing(target: Record<string, unknown>, defaults: object): void {
  for (const [key, value] of Object.entries(defaults)) {
    const present = target[key];
    if (isPlainObject(value) && (present === undefined || isPlainObject(present))) {
      const child = present ?? {};
      target[key] = child;
      fillMissing(child, value);
    } else if (present === undefined) {
      target[key] = value;
    }
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
