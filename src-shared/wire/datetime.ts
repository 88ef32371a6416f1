import type { Instant } from '../vouchers/voucher';

/** Spaaza's "YYYY-MM-DD HH:MM:SS" in UTC; sub-second parts are dropped. */
export function toSpaazaDateTime(instant: Instant): string {
  return new Date(instant).toISOString().slice(0, 19).replace('T', ' ');
}

/** The instant of a Spaaza UTC date-time, or null when the text is not one. */
export function fromSpaazaDateTime(text: string): Instant | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  if ([year, month, day, hour, minute, second].some((part) => part === undefined)) return null;
  const instant = Date.UTC(
    year ?? 0,
    (month ?? 1) - 1,
    day ?? 1,
    hour ?? 0,
    minute ?? 0,
    second ?? 0,
  );
  return toSpaazaDateTime(instant) === text ? instant : null;
}

/** An instant as ISO-8601 UTC with milliseconds, as the WLL face and the admin calls show it. */
export function iso(instant: Instant): string {
  return new Date(instant).toISOString();
}

export function isoOrNull(instant: Instant | null): string | null {
  return instant === null ? null : iso(instant);
}

/**
 * Whether text is a day of the calendar as YYYY-MM-DD (2027-02-29 is not). Any text may be
 * given: a schema's refinements run even where its pattern already failed.
 */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [year = 0, month = 0, day = 0] = text.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.toISOString().slice(0, 10) === text;
}

/**
 * True for an IANA time zone name the runtime knows (`Europe/Amsterdam`, `UTC`). A bare UTC
 * offset such as `+01:00` names no zone (it has no daylight-saving rules), so it is refused.
 */
export function isTimeZoneName(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return false;
  try {
    return Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone !== '';
  } catch {
    return false;
  }
}
