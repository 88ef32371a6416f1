import type { Instant } from '../vouchers/voucher';
import { isCalendarDate } from './datetime';

/*
 * The bounds of get-vouchers' date filters: an ISO 8601 time, or a time relative to now such as
 * "-13 months" or "+6 weeks" (docs/spaaza-wire.md, "get-vouchers").
 */

export const RELATIVE_UNITS = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'] as const;
export type RelativeUnit = (typeof RELATIVE_UNITS)[number];

export type TimeBound =
  | { readonly kind: 'absolute'; readonly at: Instant }
  | { readonly kind: 'relative'; readonly amount: number; readonly unit: RelativeUnit };

const ISO_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The instant of an ISO 8601 date or date-time, or null when the text is not one. A date alone
 * is the start of that day; a time without an offset is UTC. The space Spaaza writes between
 * date and time is taken as well as the T.
 */
export function parseIsoInstant(text: string): Instant | null {
  const match = ISO_TIME.exec(text.trim());
  const date = match?.[1];
  if (!match || date === undefined || !isCalendarDate(date)) return null;
  const [hour, minute, second] = [match[2], match[3], match[4]].map((part) => Number(part ?? 0));
  if ((hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59) return null;
  const millis = Number((match[5] ?? '0').padEnd(3, '0'));
  const offset = offsetMinutes(match[6]);
  if (offset === null) return null;
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  return utc - offset * 60_000;
}

/** "+01:00" → 60, "Z" or none → 0; null for an offset no zone has. */
function offsetMinutes(text: string | undefined): number | null {
  if (text === undefined || text === 'Z') return 0;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 14 || minutes > 59) return null;
  return (text.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

const RELATIVE = /^([+-]?)\s*(\d{1,4})\s+(second|minute|hour|day|week|month|year)s?$/i;

/**
 * A time relative to now: an optional sign, a whole number up to 9999, a space and a unit
 * (second … year, singular or plural, any case). No sign means later: a "+" sent unencoded in a
 * query string arrives as a space.
 */
export function parseRelativeTime(text: string): TimeBound | null {
  const match = RELATIVE.exec(text.trim());
  const unit = RELATIVE_UNITS.find((known) => known === match?.[3]?.toLowerCase());
  if (!match || unit === undefined) return null;
  const amount = Number(match[2]);
  return { kind: 'relative', amount: match[1] === '-' ? -amount : amount, unit };
}

const UNIT_MILLIS: Readonly<Record<Exclude<RelativeUnit, 'month' | 'year'>, number>> = {
  second: 1_000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
};

/**
 * The instant a bound stands for at `now`. Months and years move along the UTC calendar and
 * keep the time of day; a day the target month lacks becomes its last (31 January + 1 month is
 * 28 or 29 February).
 */
export function resolveTimeBound(bound: TimeBound, now: Instant): Instant {
  if (bound.kind === 'absolute') return bound.at;
  if (bound.unit !== 'month' && bound.unit !== 'year')
    return now + bound.amount * UNIT_MILLIS[bound.unit];
  const months = bound.unit === 'year' ? bound.amount * 12 : bound.amount;
  const start = new Date(now);
  const target = new Date(now);
  target.setUTCDate(1);
  target.setUTCMonth(start.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return target.getTime();
}
