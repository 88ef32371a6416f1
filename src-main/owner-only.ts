import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';

/**
 * The till's files hold the terminal's password (its config), its sales and its audit log (the
 * local database): only the account the till runs as may read them. Directories it creates are
 * 0700 and files 0600, whatever the umask says.
 */
export const OWNER_ONLY_DIR = 0o700;
export const OWNER_ONLY_FILE = 0o600;

/** Creates `path` (and its missing parents) as owner-only folders; an existing folder is left as it is. */
export function makeOwnerOnlyDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: OWNER_ONLY_DIR });
}

/** Creates `path` empty as an owner-only file when it is missing, else narrows it to its owner. */
export function ensureOwnerOnlyFile(path: string): void {
  closeSync(openSync(path, 'a', OWNER_ONLY_FILE));
  narrowToOwner(path);
}

/**
 * Narrows an existing file to its owner; a missing one is left missing, and one of another
 * account's (which this one may not change) is left to whoever opens it.
 */
export function narrowToOwner(path: string): void {
  try {
    chmodSync(path, OWNER_ONLY_FILE);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code === 'ENOENT' || code === 'EPERM') return;
    throw error;
  }
}

/**
 * What a file's mode lets other accounts do, in words ("readable by group and others"); null
 * when only its owner can read or write it.
 */
export function openToOthers(mode: number): string | null {
  const who = (read: number, write: number) => {
    const can = [mode & read ? 'readable' : null, mode & write ? 'writable' : null].filter(
      (word) => word !== null,
    );
    return can.length === 0 ? null : can.join(' and ');
  };
  const group = who(0o040, 0o020);
  const others = who(0o004, 0o002);
  if (group === null && others === null) return null;
  if (group === others) return `${group ?? ''} by group and others`;
  return [group && `${group} by group`, others && `${others} by others`]
    .filter((part) => part !== null)
    .join(', ');
}

/** A mode as `chmod` writes it, e.g. 644. */
export function octalMode(mode: number): string {
  return (mode & 0o777).toString(8).padStart(3, '0');
}
