import {
  createTranslator,
  sayCheckWords,
  type CheckName,
  type CheckWords,
} from '../../src-shared/i18n';
import type { DiagnosticCheck, Verdict } from './check';

// `till:doctor` speaks English whatever the till's language: IT reads it beside logs and docs.
const english = createTranslator({ language: 'en', locale: 'en-GB', currency: 'EUR' });

/** A check's words in English, from the same catalogue the F3 screen reads. */
export function inEnglish(words: CheckWords): string {
  return sayCheckWords(words, (key, params) => english.t(key, params));
}

/** The check's title, e.g. `engine reachability` for `engine_reachability`. */
export function checkTitle(name: CheckName): string {
  return english.t(`screens.diagnostics.checks.${name}`);
}

/** A check as `till:doctor` prints it. */
export interface EnglishCheck {
  readonly name: string;
  readonly verdict: Verdict;
  readonly detail: string;
  readonly nextStep: string | null;
}

export function englishCheck(check: DiagnosticCheck): EnglishCheck {
  return {
    name: checkTitle(check.name),
    verdict: check.verdict,
    detail: inEnglish(check.detail),
    nextStep: check.nextStep === null ? null : inEnglish(check.nextStep),
  };
}
