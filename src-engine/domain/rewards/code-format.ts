import { randomInt } from 'node:crypto';
import { ok } from '../../../src-shared/result';
import { refuse, type Outcome } from '../refusal';

/*
 * One-time (OTP) codes: a random part from an alphabet without look-alike characters
 * (no 0/O, no 1/I/L), wrapped in the reward's template, e.g. `PROMO-{code}` → `PROMO-7HD3XP`.
 */

export const OTP_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_PLACEHOLDER = '{code}';
export const MIN_CODE_LENGTH = 4;
export const MAX_CODE_LENGTH = 32;
export const DEFAULT_CODE_FORMAT: CodeFormat = { template: CODE_PLACEHOLDER, length: 8 };
/** A generated code is stored in `vouchers.code`, which holds at most this many characters. */
export const MAX_CODE_CHARS = 128;

export interface CodeFormat {
  /** Printable ASCII without spaces, holding `{code}` exactly once. */
  readonly template: string;
  /** How many characters the random part has. */
  readonly length: number;
}

const PRINTABLE_WITHOUT_SPACE = /^[\x21-\x7e]+$/;

/** Why a template is unusable, or null when it is fine. */
export function templateProblem(template: string): string | null {
  if (!PRINTABLE_WITHOUT_SPACE.test(template))
    return 'may hold printable ASCII characters only, without spaces';
  const placeholders = template.split(CODE_PLACEHOLDER).length - 1;
  if (placeholders !== 1)
    return `must contain ${CODE_PLACEHOLDER} exactly once (found ${placeholders})`;
  return null;
}

/** How long the codes of a format are. */
export function formattedLength(format: CodeFormat): number {
  return format.template.length - CODE_PLACEHOLDER.length + format.length;
}

/** The random part: each character drawn uniformly (randomInt rejects biased draws itself). */
export function randomCodePart(length: number): string {
  let part = '';
  for (let n = 0; n < length; n += 1) part += OTP_ALPHABET[randomInt(OTP_ALPHABET.length)] ?? '';
  return part;
}

export function formatCode(format: CodeFormat, part: string): string {
  return format.template.replace(CODE_PLACEHOLDER, () => part);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches exactly the codes the format generates. */
export function codePattern(format: CodeFormat): RegExp {
  const [prefix = '', suffix = ''] = format.template.split(CODE_PLACEHOLDER);
  return new RegExp(
    `^${escapeRegExp(prefix)}[${OTP_ALPHABET}]{${format.length}}${escapeRegExp(suffix)}$`,
  );
}

export function matchesFormat(format: CodeFormat, value: string): boolean {
  return codePattern(format).test(value);
}

export const DEFAULT_ALLOCATION_ATTEMPTS = 20;

/** Draws a random part of the given length; `randomCodePart` unless a caller brings its own. */
export type CodeDraw = (length: number) => string | Promise<string>;

export interface AllocationOptions {
  readonly maxAttempts?: number;
  readonly draw?: CodeDraw;
}

/**
 * A fresh code of the format that `isTaken` does not know, retried on collision. Gives up with
 * code_space_exhausted after `maxAttempts` draws: the format's space is (nearly) used up.
 */
export async function allocateUniqueCode(
  format: CodeFormat,
  isTaken: (code: string) => boolean | Promise<boolean>,
  options: AllocationOptions = {},
): Promise<Outcome<string>> {
  const { maxAttempts = DEFAULT_ALLOCATION_ATTEMPTS, draw = randomCodePart } = options;
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const candidate = formatCode(format, await draw(format.length));
    if (!(await isTaken(candidate))) return ok(candidate);
  }
  return refuse(
    'code_space_exhausted',
    `no free code of the format ${format.template} with ${format.length} characters after ${maxAttempts} attempts; use a longer code length`,
  );
}
