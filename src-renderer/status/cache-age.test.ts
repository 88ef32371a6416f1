import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src-shared/i18n';
import { cacheAgeText } from './cache-age';

const at = (iso: string) => Date.parse(iso);
const english = createTranslator({ language: 'en', locale: 'en-GB', currency: 'EUR' }).t;
const dutch = createTranslator({ language: 'nl', locale: 'nl-NL', currency: 'EUR' }).t;

describe('the honour-voucher cache age', () => {
  it('says when the cache was never filled', () => {
    expect(cacheAgeText(english, null, at('2026-11-23T12:00:00Z'))).toBe('never filled');
    expect(cacheAgeText(dutch, null, at('2026-11-23T12:00:00Z'))).toBe('nooit gevuld');
  });

  it('counts minutes, then hours, then days, one or more', () => {
    const updated = '2026-11-23T12:00:00.000Z';
    expect(cacheAgeText(english, updated, at('2026-11-23T12:00:40Z'))).toBe('just now');
    expect(cacheAgeText(english, updated, at('2026-11-23T12:07:00Z'))).toBe('7 min ago');
    expect(cacheAgeText(english, updated, at('2026-11-23T15:10:00Z'))).toBe('3 h ago');
    expect(cacheAgeText(english, updated, at('2026-11-26T12:00:00Z'))).toBe('3 days ago');
    expect(cacheAgeText(dutch, updated, at('2026-11-26T12:00:00Z'))).toBe('3 dagen geleden');
    expect(cacheAgeText(dutch, updated, at('2026-11-25T12:00:00Z'))).toBe('2 dagen geleden');
    expect(cacheAgeText(dutch, updated, at('2026-11-23T13:00:00Z'))).toBe('1 uur geleden');
  });

  it('treats a cache stamped slightly in the future (clock skew) as fresh', () => {
    expect(cacheAgeText(english, '2026-11-23T12:01:00.000Z', at('2026-11-23T12:00:00Z'))).toBe(
      'just now',
    );
  });
});
