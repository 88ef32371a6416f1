import { describe, expect, it } from 'vitest';
import { languageOfLocale } from './languages';
import { createTranslator } from './translator';

const dutch = createTranslator({ language: 'nl', locale: 'nl-NL', currency: 'EUR' });
const english = createTranslator({ language: 'en', locale: 'en-GB', currency: 'GBP' });

describe('createTranslator', () => {
  it('formats minor units in the till currency and locale', () => {
    dutch.addResource('nl', 'translation', 'probe.total', 'Totaal {{amount, money}}');
    english.addResource('en', 'translation', 'probe.total', 'Total {{amount, money}}');
    expect(dutch.t('probe.total', { amount: 1445 })).toBe('Totaal €\u00a014,45');
    expect(english.t('probe.total', { amount: 1445 })).toBe('Total £14.45');
  });

  it('picks the plural form of the language', () => {
    english.addResource('en', 'translation', 'probe.lines_one', '{{count}} line');
    english.addResource('en', 'translation', 'probe.lines_other', '{{count}} lines');
    expect(english.t('probe.lines', { count: 1 })).toBe('1 line');
    expect(english.t('probe.lines', { count: 12 })).toBe('12 lines');
  });

  it('writes a time of day in the till locale', () => {
    dutch.addResource('nl', 'translation', 'probe.free', 'Vrij om {{at, clock}}');
    const at = new Date(2026, 11, 2, 20, 35).toISOString();
    expect(dutch.t('probe.free', { at })).toBe('Vrij om 20:35');
  });

  it('falls back to English for a key a language lacks', () => {
    english.addResource('en', 'translation', 'probe.only', 'Only in English');
    expect(dutch.t('probe.only')).toBe('Only in English');
  });
});

describe('languageOfLocale', () => {
  it('takes the language of the store locale, English for one the till does not speak', () => {
    expect(languageOfLocale('nl-NL')).toBe('nl');
    expect(languageOfLocale('nl-BE')).toBe('nl');
    expect(languageOfLocale('en-GB')).toBe('en');
    expect(languageOfLocale('de-DE')).toBe('en');
  });
});
