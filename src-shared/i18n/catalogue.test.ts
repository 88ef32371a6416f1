import { describe, expect, it } from 'vitest';
import { REJECTION_CODES } from '../pricing/reasons';
import { TILL_ERROR_CODES, TILL_ERROR_WORDS } from '../till/errors';
import { CHECK_NAMES } from './check-words';
import { ENGINE_ERRANDS, NOTICE_CODES, REFUSAL_WORD_CODES } from '../till/notices';
import { LANGUAGES } from './languages';
import { CATALOGUES, createTranslator } from './translator';

const CODES = [
  ...new Set([
    ...REJECTION_CODES,
    ...TILL_ERROR_CODES,
    ...TILL_ERROR_WORDS,
    ...NOTICE_CODES,
    ...REFUSAL_WORD_CODES,
  ]),
];

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

  it.each(LANGUAGES.flatMap((language) => NOTICE_CODES.map((code) => [language, code] as const)))(
    '%s has words for the notice %s',
    (language, code) => {
      const message = CATALOGUES[language].messages[code];
      expect(message.what.trim()).not.toBe('');
      expect(message.next.trim()).not.toBe('');
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

  it.each(TILL_ERROR_WORDS)('names the same params in Dutch as in English for %s', (code) => {
    const placeholders = (text: string) =>
      [...text.matchAll(/\{\{(\w+)/g)].map((match) => match[1]).sort();
    for (const part of ['what', 'next'] as const)
      expect(placeholders(CATALOGUES.nl.messages[code][part])).toEqual(
        placeholders(CATALOGUES.en.messages[code][part]),
      );
  });

  it.each(ENGINE_ERRANDS)('names the errand %s in each language', (errand) => {
    expect(CATALOGUES.en.errands[errand]).not.toBe('');
    expect(CATALOGUES.nl.errands[errand]).not.toBe(CATALOGUES.en.errands[errand]);
  });

  it('says a refused sign-in with its account and stores, in each language', () => {
    const params = { username: 'mgr-s002', managerStore: 'S002', storeCode: 'S001' };
    const en = createTranslator({ language: 'en', locale: 'en-GB', currency: 'EUR' });
    const nl = createTranslator({ language: 'nl', locale: 'nl-NL', currency: 'EUR' });
    expect(en.t('messages.account_of_another_store.what', params)).toBe(
      'mgr-s002 manages store S002; this till is in store S001.',
    );
    expect(nl.t('messages.account_of_another_store.what', params)).toBe(
      'mgr-s002 beheert winkel S002; deze kassa staat in winkel S001.',
    );
  });

  it('fills in the till and the time a held voucher is free again, in each language', () => {
    const params = { terminalId: '02', until: '2026-11-23T13:05:00.000Z' };
    const en = createTranslator({ language: 'en', locale: 'nl-NL', currency: 'EUR' });
    const nl = createTranslator({ language: 'nl', locale: 'nl-NL', currency: 'EUR' });
    expect(en.t('messages.voucher_locked.whatOnTill', params)).toMatch(
      /^This voucher is held for a sale on till 02 until \d\d:05\.$/,
    );
    expect(nl.t('messages.voucher_locked.whatOnTill', params)).toMatch(/kassa 02/);
  });

  it('writes the offline caps as money in the till currency', () => {
    const en = createTranslator({ language: 'en', locale: 'en-IE', currency: 'EUR' });
    const text = en.t('messages.offline_value_cap.what', {
      perSale: 1000,
      perDay: 5000,
      leftToday: 250,
    });
    expect(text).toContain('€10.00');
    expect(text).toContain('€50.00');
    expect(text).toContain('€2.50');
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
