import { CARD_WARNING_MESSAGES } from './decode';
import {
  isCardWarningCode,
  succeeded,
  type CardWarningCode,
  type EngineOutcome,
  type EngineWarning,
} from './outcome';

/**
 * An older engine refuses a basket whose card it does not know (404 `member_not_found`) where a
 * newer one prices or stores it without the card and warns. The till sends such a basket once
 * more without the card, so both answer alike: a sale the customer paid is never refused for
 * its card (docs/architecture.md, "Offline and sync"). The refusal stored nothing, so the
 * basket without the card is the only one the engine can ever hold under the code.
 */
export function refusedCard(outcome: EngineOutcome<unknown>): CardWarningCode | null {
  if (outcome.ok || outcome.error.kind !== 'rejected') return null;
  return isCardWarningCode(outcome.error.name) ? outcome.error.name : null;
}

/** The answer to the basket sent without the card, with the warning a newer engine would have given. */
export function withoutCard<T>(
  outcome: EngineOutcome<T>,
  code: CardWarningCode,
  memberNumber: string,
): EngineOutcome<T> {
  if (!outcome.ok) return outcome;
  const warning: EngineWarning = {
    code,
    name: code,
    message: CARD_WARNING_MESSAGES[code],
    subject: memberNumber,
  };
  return succeeded(outcome.value, [warning, ...outcome.warnings]);
}

/** The first card warning of an answer, if the engine left the card out. */
export function cardLeftOut(warnings: readonly EngineWarning[]): CardWarning | undefined {
  return warnings.find(isCardWarning);
}

export type CardWarning = EngineWarning & { readonly code: CardWarningCode };

function isCardWarning(warning: EngineWarning): warning is CardWarning {
  return isCardWarningCode(warning.code);
}
