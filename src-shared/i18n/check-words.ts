import type { en } from './en';
import { diagnosticsEn } from './screens/diagnostics';

/** A check of the diagnostics, by its stable code; `screens.diagnostics.checks` has its title. */
export type CheckName = keyof typeof diagnosticsEn.checks;

/** Every check, in the order it runs; a check is reported even when it could not run. */
export const CHECK_NAMES = [
  'config',
  'data_directory',
  'local_database',
  'audit_log',
  'engine_reachability',
  'terminal_credentials',
  'store_and_terminal',
  'clock_skew',
  'honour_feed',
] as const satisfies readonly CheckName[];

type WordKey = keyof (typeof en)['screens']['diagnostics']['words'];

/** A detail or next step by its code: a key of `screens.diagnostics.words`, plurals without their suffix. */
export type CheckWordCode = WordKey extends infer K
  ? K extends `${infer Base}_${'one' | 'other'}`
    ? Base
    : K
  : never;

/**
 * What a check says, as the till core gives it: a code and its params. A param is a value put in
 * as it is (a path, a count, another module's message), words of its own (put in first), or a
 * list of those, one line each. `count` picks the plural.
 */
export interface CheckWords {
  readonly code: CheckWordCode;
  readonly params?: Readonly<Record<string, CheckParam>>;
}
export type CheckParam = string | number | CheckWords | readonly CheckParam[];

export function checkWords(
  code: CheckWordCode,
  params?: Readonly<Record<string, CheckParam>>,
): CheckWords {
  return params === undefined ? { code } : { code, params };
}

/** Any text as it is, in every language: another module's message the check quotes. */
export function quoted(text: string): CheckWords {
  return { code: 'quoted', params: { text } };
}

export function isCheckName(value: string): value is CheckName {
  return Object.hasOwn(diagnosticsEn.checks, value);
}

export function isCheckWordCode(value: string): value is CheckWordCode {
  const words = diagnosticsEn.words;
  return Object.hasOwn(words, value) || Object.hasOwn(words, `${value}_other`);
}

/** The catalogue key of a code, as `t()` takes it. */
export type CheckWordKey = `screens.diagnostics.words.${CheckWordCode}`;

/** What a language's `t()` needs to say check words: the key and the params already said. */
export type SayWords = (
  key: CheckWordKey,
  params: Readonly<Record<string, string | number>>,
) => string;

/** The words in one language: nested words said first, lists one line each. */
export function sayCheckWords(words: CheckWords, say: SayWords): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(words.params ?? {}))
    params[name] = sayParam(value, say);
  return say(`screens.diagnostics.words.${words.code}`, params);
}

function sayParam(param: CheckParam, say: SayWords): string | number {
  if (typeof param === 'string' || typeof param === 'number') return param;
  if (isList(param)) return param.map((item) => sayParam(item, say)).join('\n');
  return sayCheckWords(param, say);
}

function isList(param: CheckParam): param is readonly CheckParam[] {
  return Array.isArray(param);
}

/** Every string param, changed by `change` (the till core hides secrets this way). */
export function mapCheckText(words: CheckWords, change: (text: string) => string): CheckWords {
  if (words.params === undefined) return words;
  const params: Record<string, CheckParam> = {};
  for (const [name, value] of Object.entries(words.params)) params[name] = mapParam(value, change);
  return { code: words.code, params };
}

function mapParam(param: CheckParam, change: (text: string) => string): CheckParam {
  if (typeof param === 'string') return change(param);
  if (typeof param === 'number') return param;
  if (isList(param)) return param.map((item) => mapParam(item, change));
  return mapCheckText(param, change);
}
