import { z } from 'zod';
import { isRejectionCode, rejectionMessage } from '../../src-shared/pricing/reasons';
import {
  describeIssues,
  errorEnvelopeSchema,
  formatPath,
  fromSpaazaDateTime,
  issuesOf,
  okEnvelopeSchema,
  voucherKey,
  type FieldIssue,
  type SpaazaWarning,
} from '../../src-shared/wire';
import {
  badAnswer,
  failed,
  isCardWarningCode,
  SALE_WARNING_CODES,
  succeeded,
  type CardWarningCode,
  type EngineFailure,
  type EngineOutcome,
  type EngineWarning,
  type KnownWarningCode,
} from './outcome';
import type { RawAnswer } from './http-transport';
import { rejectionReason } from './rejection';

/** An answer the till cannot use, named by what came back: the engine counts as away. */
function unreadable(callName: string, answer: RawAnswer, what: string): EngineFailure {
  return badAnswer(
    `The voucher engine answered ${callName} with HTTP ${answer.httpStatus} and ${what}.`,
  );
}

function unreadableJson(
  callName: string,
  answer: RawAnswer,
  issues: readonly FieldIssue[],
): EngineFailure {
  return unreadable(callName, answer, `JSON the till cannot read (${describeIssues(issues)})`);
}

/**
 * Reads a Spaaza envelope: the error face becomes `rejected`; the ok face is checked against
 * the call's `results` schema. Anything else (a body that is not JSON, a refusal without the
 * error envelope, a success of the wrong shape) is a bad answer, never a success.
 */
export function decodeAnswer<S extends z.ZodType>(
  callName: string,
  answer: RawAnswer,
  resultsSchema: S,
): EngineOutcome<z.output<S>> {
  if (answer.body === undefined)
    return failed(unreadable(callName, answer, answer.bodyDescription));
  const refusal = errorEnvelopeSchema.safeParse(answer.body);
  if (refusal.success) {
    const { name, code, description } = refusal.data.error;
    return failed({
      kind: 'rejected',
      reason: rejectionReason(answer.httpStatus, name),
      name,
      code,
      description,
      message: `The voucher engine refused ${callName}: ${description} (${name}).`,
    });
  }
  if (answer.httpStatus >= 400) return failed(unreadable(callName, answer, answer.bodyDescription));
  const envelope = okEnvelopeSchema(z.unknown()).safeParse(answer.body);
  if (!envelope.success) return failed(unreadableJson(callName, answer, issuesOf(envelope.error)));
  const results = resultsSchema.safeParse(envelope.data.results);
  if (!results.success)
    return failed(unreadableJson(callName, answer, issuesUnderResults(results.error)));
  return succeeded(results.data, toEngineWarnings(envelope.data.warnings));
}

/** Results are checked on their own (for the types' sake), so their paths get the prefix back. */
function issuesUnderResults(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: formatPath(['results', ...issue.path]),
    message: issue.message,
  }));
}

function knownCode(name: string): KnownWarningCode | null {
  if (isRejectionCode(name) || isCardWarningCode(name)) return name;
  return SALE_WARNING_CODES.find((known) => known === name) ?? null;
}

/** The till's own words for a card the engine did not use, whatever language the engine speaks. */
export const CARD_WARNING_MESSAGES: Readonly<Record<CardWarningCode, string>> = {
  member_not_found:
    'The voucher engine does not know this loyalty card: the sale goes on without it.',
  member_programme_not_supported:
    'The voucher engine does not serve the loyalty programme of this card: the sale goes on without it.',
};

function messageOf(code: KnownWarningCode | null, description: string): string {
  if (code === null) return description;
  if (isRejectionCode(code)) return rejectionMessage(code);
  return isCardWarningCode(code) ? CARD_WARNING_MESSAGES[code] : description;
}

/**
 * A wire warning in the till's terms. Rejections get the stable cashier message of `src-shared/pricing/reasons.ts`, and a card
 * the engine did not use the till's own words, since the engine's description may be localised; anything else keeps the engine's own words. The
 * reference says new warnings may appear without a version bump, so an unknown name is kept,
 * not refused.
 */
export function toEngineWarning(warning: SpaazaWarning): EngineWarning {
  const code = knownCode(warning.name);
  const key = warning.message?.key;
  const voucherCode = warning.message?.voucher_code;
  const lockedText = warning.message?.locked_until;
  const lockedUntil = lockedText === undefined ? null : fromSpaazaDateTime(lockedText);
  const lockedBasketCode = warning.message?.locked_basket_code;
  return {
    code: code ?? 'unrecognised_warning',
    name: warning.name,
    message: messageOf(code, warning.description),
    ...(key === undefined
      ? {}
      : voucherKey.safeParse(key).success
        ? { voucherKey: key }
        : { subject: key }),
    ...(voucherCode === undefined ? {} : { voucherCode }),
    ...(lockedUntil === null ? {} : { lockedUntil }),
    ...(lockedBasketCode === undefined ? {} : { lockedBasketCode }),
  };
}

export function toEngineWarnings(warnings: readonly SpaazaWarning[] | undefined): EngineWarning[] {
  return (warnings ?? []).map(toEngineWarning);
}
