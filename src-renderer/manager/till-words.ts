import type { TFunction } from 'i18next';

/** Where something happened and who did it, as a manager reads it. */
const TERMINAL_ACTOR = 'terminal:';

export function placeInWords(
  t: TFunction,
  place: { readonly storeCode: string; readonly terminalId: string },
): string {
  return t('screens.manager.place.till', place);
}

/** A manager's username as it is; the till's own `terminal:<id>` as "The till itself". */
export function actorInWords(t: TFunction, actor: string): string {
  return actor.startsWith(TERMINAL_ACTOR) ? t('screens.manager.place.theTill') : actor;
}
