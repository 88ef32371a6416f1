import { describe, expect, it } from 'vitest';
import { REJECTION_CODES } from '../pricing/reasons';
import { TILL_ERROR_CODES } from '../till/errors';
import { NOTICE_CODES, REFUSAL_WORD_CODES } from '../till/notices';
import { LANGUAGES } from './languages';
import { CATALOGUES, createTranslator } from './translator';

const CODES = [
  ...new Set([...REJECTION_CODES, ...TILL_ERROR_CODES, ...NOTICE_CODES, ...REFUSAL_WORD_CODES]),
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
