import { describe, expect, it } from 'vitest';
import { REJECTION_CODES } from '../pricing/reasons';
import { TILL_ERROR_CODES } from '../till/errors';
import { LANGUAGES } from './languages';
import { CATALOGUES } from './translator';

const CODES = [...REJECTION_CODES, ...TILL_ERROR_CODES];

describe('the message catalogue', () => {
  it.each(LANGUAGES.flatMap((language) => CODES.map((code) => [language, code] as const)))(
    '%s says what happened and what to do next for %s',
    (language, code) => {
      const message = CATALOGUES[language].messages[code];
      expect(message.what.trim()).not.toBe('');
      expect(message.next.trim()).not.toBe('');
      expect(message.next).not.toBe(message.what);
    },
  );

  it('is translated: no Dutch message is left in English', () => {
    const untranslated = CODES.filter((code) => {
      const english = CATALOGUES.en.messages[code];
      const dutch = CATALOGUES.nl.messages[code];
      return english.what === dutch.what || english.next === dutch.next;
    });
    expect(untranslated).toEqual([]);
  });
});
