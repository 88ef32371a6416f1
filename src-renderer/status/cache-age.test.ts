import { describe, expect, it } from 'vitest';
import { cacheAgeText } from './cache-age';

const at = (iso: string) => Date.parse(iso);

describe('the honour-voucher cache age in the status bar', () => {
  it('says when the cache was never filled', () => {
    expect(cacheAgeText(null, at('2026-11-23T12:00:00Z'))).toBe('Voucher cache: never filled');
  });

  it('counts minutes, then hours, then days', () => {
    const updated = '2026-11-23T12:00:00.000Z';
    expect(cacheAgeText(updated, at('2026-11-23T12:00:40Z'))).toBe('Vouchers cached just now');
    expect(cacheAgeText(updated, at('2026-11-23T12:07:00Z'))).toBe('Vouchers cached 7 min ago');
    expect(cacheAgeText(updated, at('2026-11-23T15:10:00Z'))).toBe('Vouchers cached 3 h ago');
    expect(cacheAgeText(updated, at('2026-11-26T12:00:00Z'))).toBe('Vouchers cached 3 days ago');
  });

  it('treats a cache stamped slightly in the future (clock skew) as fresh', () => {
    expect(cacheAgeText('2026-11-23T12:01:00.000Z', at('2026-11-23T12:00:00Z'))).toBe(
      'Vouchers cached just now',
    );
  });
});
