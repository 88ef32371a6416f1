import { describe, expect, it } from 'vitest';
import { parseIsoInstant, parseRelativeTime, resolveTimeBound } from './time-bound';

describe('parseIsoInstant', () => {
  it('reads dates, date-times and offsets', () => {
    expect(parseIsoInstant('2026-03-01')).toBe(Date.UTC(2026, 2, 1));
    expect(parseIsoInstant('2026-03-01T10:15')).toBe(Date.UTC(2026, 2, 1, 10, 15));
    expect(parseIsoInstant('2026-03-01 10:15:30')).toBe(Date.UTC(2026, 2, 1, 10, 15, 30));
    expect(parseIsoInstant('2026-03-01T10:15:30.25Z')).toBe(Date.UTC(2026, 2, 1, 10, 15, 30, 250));
    expect(parseIsoInstant('2026-03-01T10:15:30+01:00')).toBe(Date.UTC(2026, 2, 1, 9, 15, 30));
    expect(parseIsoInstant('2026-03-01T10:15:30-0230')).toBe(Date.UTC(2026, 2, 1, 12, 45, 30));
  });

  it('refuses what is not a time of the calendar', () => {
    for (const text of [
      '',
      'yesterday',
      '2027-02-29',
      '2026-03-01T24:00',
      '2026-03-01T10:60',
      '2026-03-01T10:15+15:00',
      '01-03-2026',
      '2026-03-01T10',
    ])
      expect(parseIsoInstant(text)).toBeNull();
  });
});

describe('parseRelativeTime', () => {
  it('reads a signed amount and a unit, singular or plural', () => {
    expect(parseRelativeTime('-13 months')).toEqual({
      kind: 'relative',
      amount: -13,
      unit: 'month',
    });
    expect(parseRelativeTime('+6 weeks')).toEqual({ kind: 'relative', amount: 6, unit: 'week' });
    expect(parseRelativeTime(' 6 weeks')).toEqual({ kind: 'relative', amount: 6, unit: 'week' });
    expect(parseRelativeTime('-1 Day')).toEqual({ kind: 'relative', amount: -1, unit: 'day' });
  });

  it('refuses anything else', () => {
    for (const text of ['', '-13', 'months', '-13 fortnights', '-1.5 days', '-13months', '--1 day'])
      expect(parseRelativeTime(text)).toBeNull();
  });
});

describe('resolveTimeBound', () => {
  const now = Date.UTC(2026, 0, 31, 12, 0, 0);

  it('moves by fixed units from now', () => {
    expect(resolveTimeBound({ kind: 'relative', amount: -2, unit: 'day' }, now)).toBe(
      Date.UTC(2026, 0, 29, 12),
    );
    expect(resolveTimeBound({ kind: 'relative', amount: 6, unit: 'week' }, now)).toBe(
      Date.UTC(2026, 2, 14, 12),
    );
  });

  it('moves months and years along the calendar, to the month’s last day when it is short', () => {
    expect(resolveTimeBound({ kind: 'relative', amount: 1, unit: 'month' }, now)).toBe(
      Date.UTC(2026, 1, 28, 12),
    );
    expect(resolveTimeBound({ kind: 'relative', amount: -13, unit: 'month' }, now)).toBe(
      Date.UTC(2024, 11, 31, 12),
    );
    expect(resolveTimeBound({ kind: 'relative', amount: -2, unit: 'year' }, now)).toBe(
      Date.UTC(2024, 0, 31, 12),
    );
  });

  it('answers an absolute bound as given', () => {
    expect(resolveTimeBound({ kind: 'absolute', at: 5 }, now)).toBe(5);
  });
});
