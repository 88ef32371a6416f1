import { CHECK_NAMES, checkWords, type CheckName, type CheckWords } from '../../src-shared/i18n';
import type { DiagnosticVerdict } from '../../src-shared/till';

/**
 * One line of the diagnostics report (`till:doctor` and the F3 screen): what was checked, the
 * verdict, and plain words for IT. `skipped`: it could not run because an earlier check failed.
 * A failed check always says what IT does next; a warning may.
 */
export type Verdict = DiagnosticVerdict;
/** What a threshold can say about a measurement. */
export type Judgement = Exclude<Verdict, 'skipped'>;

export interface DiagnosticCheck {
  readonly name: CheckName;
  readonly verdict: Verdict;
  /** What was found, as a code and params: the screen says it in its language, the CLI in English. */
  readonly detail: CheckWords;
  /** What IT does about it; null when nothing needs doing. */
  readonly nextStep: CheckWords | null;
}

export { CHECK_NAMES, type CheckName };

export const LATENCY_WARN_MS = 1_000;
export const SKEW_WARN_MS = 5_000;
export const SKEW_FAIL_MS = 60_000;

export function passed(name: CheckName, detail: CheckWords): DiagnosticCheck {
  return { name, verdict: 'ok', detail, nextStep: null };
}

export function warned(
  name: CheckName,
  detail: CheckWords,
  nextStep: CheckWords | null = null,
): DiagnosticCheck {
  return { name, verdict: 'warn', detail, nextStep };
}

/** A failure names what IT does next: the detail says what is wrong, `nextStep` how to fix it. */
export function failedCheck(
  name: CheckName,
  detail: CheckWords,
  nextStep: CheckWords,
): DiagnosticCheck {
  return { name, verdict: 'fail', detail, nextStep };
}

/** A check that could not run because an earlier one failed: reported with the reason, never left out. */
export function skipped(name: CheckName, why: CheckWords): DiagnosticCheck {
  return { name, verdict: 'skipped', detail: why, nextStep: null };
}

export function judgeLatency(latencyMs: number): Judgement {
  return latencyMs > LATENCY_WARN_MS ? 'warn' : 'ok';
}

/** Vouchers expire and locks lapse on the engine's clock, so a till that disagrees misleads cashiers. */
export function judgeSkew(skewMs: number): Judgement {
  const size = Math.abs(skewMs);
  if (size > SKEW_FAIL_MS) return 'fail';
  if (size > SKEW_WARN_MS) return 'warn';
  return 'ok';
}

/** The engine's `Date` header has whole seconds, so anything within 1 s is agreement. */
export function describeSkew(skewMs: number): CheckWords {
  if (Math.abs(skewMs) <= 1_000) return checkWords('clock_agrees');
  const seconds = Math.round(Math.abs(skewMs) / 1000);
  return checkWords(skewMs > 0 ? 'clock_ahead' : 'clock_behind', { seconds });
}

export function hasFailure(checks: readonly DiagnosticCheck[]): boolean {
  return checks.some((check) => check.verdict === 'fail');
}
