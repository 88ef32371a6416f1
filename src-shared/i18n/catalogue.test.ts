import { describe, expect, it } from 'vitest';
import { REJECTION_CODES } from '../pricing/reasons';
import { TILL_ERROR_CODES } from '../till/errors';
import { CHECK_NAMES } from './check-words';
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

describe('the words of the diagnostics checks', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)/g)].map((m) => m[1]).sort();
  const english = CATALOGUES.en.screens.diagnostics.words;
  const dutch = CATALOGUES.nl.screens.diagnostics.words;

  it.each(Object.keys(english))('%s has the same params in Dutch as in English', (code) => {
    const en = Object.entries(english).find(([key]) => key === code)?.[1] ?? '';
    const nl = Object.entries(dutch).find(([key]) => key === code)?.[1] ?? '';
    expect(nl.trim()).not.toBe('');
    expect(placeholders(nl)).toEqual(placeholders(en));
  });

  it('has a title for every check in both languages', () => {
    for (const name of CHECK_NAMES) {
      expect(CATALOGUES.en.screens.diagnostics.checks[name]).not.toBe('');
      expect(CATALOGUES.nl.screens.diagnostics.checks[name]).not.toBe(
        CATALOGUES.en.screens.diagnostics.checks[name],
      );
    }
  });
});
