import { basename } from 'node:path';
import type { ConfigFile } from './read-config-file';

/** Settings older tills read and this one does not: a file or environment still naming one loads, with a warning. */
const RETIRED_SETTINGS = [
  {
    key: 'lockPeriodSeconds',
    env: 'TILL_LOCK_PERIOD_SECONDS',
    why: "the engine's campaign decides how long a voucher stays locked",
  },
] as const;

/**
 * Takes the retired settings out of the merged settings (so that the schema, which knows none
 * of them, does not refuse the file) and says, for each one that was set, that it is ignored.
 */
export function dropRetiredSettings(
  merged: Record<string, unknown>,
  file: ConfigFile,
  env: Readonly<Record<string, string | undefined>>,
): string[] {
  const warnings: string[] = [];
  for (const { key, env: name, why } of RETIRED_SETTINGS) {
    if (file.found && key in file.content)
      warnings.push(
        `${basename(file.path)}: ${key} is no longer a setting and is ignored: ${why}; remove it from the file (file ${file.path})`,
      );
    if ((env[name] ?? '').trim() !== '')
      warnings.push(`${name} is no longer read and is ignored: ${why} (environment)`);
    Reflect.deleteProperty(merged, key);
  }
  return warnings;
}
