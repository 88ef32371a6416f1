/** Where something happened and who did it, as a manager reads it. */
const WORDS = {
  till: (terminalId: string, storeCode: string) => `Till ${terminalId}, store ${storeCode}`,
  theTill: 'The till itself',
};

const TERMINAL_ACTOR = 'terminal:';

export function placeInWords(place: { storeCode: string; terminalId: string }): string {
  return WORDS.till(place.terminalId, place.storeCode);
}

/** A manager's username as it is; the till's own `terminal:<id>` as "The till itself". */
export function actorInWords(actor: string): string {
  return actor.startsWith(TERMINAL_ACTOR) ? WORDS.theTill : actor;
}
