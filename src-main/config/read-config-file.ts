import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { err, ok, type Result } from '../../src-shared/result';

export type ConfigFile =
  | { readonly found: true; readonly path: string; readonly content: Record<string, unknown> }
  | { readonly found: false; readonly path: string };

/**
 * Reads the JSON config file. A missing file is an answer, not an error, unless the path was
 * named explicitly (`--config` or `TILL_CONFIG`): a named file that is not there is a typo.
 */
export function readConfigFile(path: string, explicit: boolean): Result<ConfigFile, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (isErrorCode(error, 'ENOENT') && !explicit) return ok({ found: false, path });
    const reason = isErrorCode(error, 'ENOENT') ? 'does not exist' : describeError(error);
    return err(`${basename(path)}: cannot be read: ${reason} (file ${path})`);
  }
  let content: unknown;
  try {
    content = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return err(
      `${basename(path)}: is not valid JSON: ${whereJsonBroke(error, text)} (file ${path})`,
    );
  }
  if (!isPlainObject(content)) {
    return err(`${basename(path)}: must hold one JSON object of settings (file ${path})`);
  }
  return ok({ found: true, path, content });
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Where a JSON file stops parsing, as a line and column. Node's own message quotes the
 * text around the fault, which in a config file can be a password: it is never passed on.
 */
function whereJsonBroke(error: unknown, text: string): string {
  const position = error instanceof Error ? /position (\d+)/.exec(error.message)?.[1] : undefined;
  if (position === undefined) return 'the file ends early or holds a stray character';
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `unexpected character at line ${line}, column ${column}`;
}
