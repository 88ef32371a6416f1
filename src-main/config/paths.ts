import { homedir } from 'node:os';
import { join, win32 } from 'node:path';

const APP_FOLDER = 'voucher-till';

export interface PlatformContext {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly home: string;
}

export function currentPlatform(
  env: Readonly<Record<string, string | undefined>>,
): PlatformContext {
  return { platform: process.platform, env, home: homedir() };
}

/**
 * Where the till looks for its config file when neither `--config` nor `TILL_CONFIG` names one:
 * - Linux and other Unixes: `$XDG_CONFIG_HOME/voucher-till/config.json`, else `~/.config/voucher-till/config.json`
 * - Windows: `%APPDATA%\voucher-till\config.json`
 * - macOS: `~/Library/Application Support/voucher-till/config.json`
 */
export function defaultConfigPath({ platform, env, home }: PlatformContext): string {
  if (platform === 'win32') {
    return win32.join(
      env.APPDATA ?? win32.join(home, 'AppData', 'Roaming'),
      APP_FOLDER,
      'config.json',
    );
  }
  if (platform === 'darwin') {
    return join(home, 'Library', 'Application Support', APP_FOLDER, 'config.json');
  }
  return join(nonEmpty(env.XDG_CONFIG_HOME) ?? join(home, '.config'), APP_FOLDER, 'config.json');
}

/**
 * Where the local database and logs live unless `dataDir` says otherwise:
 * - Linux: `$XDG_DATA_HOME/voucher-till`, else `~/.local/share/voucher-till`
 * - Windows: `%LOCALAPPDATA%\voucher-till` (machine-local: a roaming profile must not carry the journal)
 * - macOS: `~/Library/Application Support/voucher-till`
 */
export function defaultDataDir({ platform, env, home }: PlatformContext): string {
  if (platform === 'win32') {
    return win32.join(env.LOCALAPPDATA ?? win32.join(home, 'AppData', 'Local'), APP_FOLDER);
  }
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  return join(nonEmpty(env.XDG_DATA_HOME) ?? join(home, '.local', 'share'), APP_FOLDER);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
