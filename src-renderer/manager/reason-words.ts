import type { TFunction } from 'i18next';
import { managerEn } from '../../src-shared/i18n/screens/manager';

/**
 * What a sync conflict's reason (a stable code from the till core or the engine) means, and
 * what a manager does about it, in the till's words. The audit log and the conflicts table
 * both read these.
 */
export interface ReasonWords {
  readonly what: string;
  readonly next: string;
}

type KnownReason = keyof typeof managerEn.reasons;

function isKnownReason(reason: string): reason is KnownReason {
  return Object.hasOwn(managerEn.reasons, reason);
}

/** `some_code` as "Some code", for a code the catalogue does not know yet. */
export function codeInWords(code: string): string {
  const spaced = code.replaceAll('_', ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function reasonWords(t: TFunction, reason: string): ReasonWords {
  if (!isKnownReason(reason))
    return { what: codeInWords(reason), next: t('screens.manager.otherReasonNext') };
  return {
    what: t(`screens.manager.reasons.${reason}.what`),
    next: t(`screens.manager.reasons.${reason}.next`),
  };
}
