/** What the UI shows, computed the way the product computes it (never hard-coded formatting). */
import { formatMoney } from '../../src-shared/money';

export const CURRENCY = 'EUR';
export const LOCALE = 'nl-NL';
export const TIMEZONE = 'Europe/Amsterdam';

/** An amount in cents as the till shows it, e.g. 1475 → "€ 14,75". */
export function money(minor: number): string {
  return formatMoney(minor, CURRENCY, LOCALE);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A discount of `minor` cents, however the UI signs it: "€ 7,19", "€ -7,19", "-€ 7,19" or "− € 7,19". */
export function discountPattern(minor: number): RegExp {
  const spaced = (text: string) => escapeRegExp(text).replace(/\s/g, '\\s');
  const unsigned = spaced(money(minor));
  return new RegExp(`(?:[-−]\\s?)?${unsigned}|${spaced(money(-minor))}`);
}

const clock = new Intl.DateTimeFormat(LOCALE, {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: TIMEZONE,
});

/** An instant as HH:MM on the store's clock (the browser runs in the store's time zone too). */
export function clockTime(iso: string): string {
  return clock.format(new Date(iso));
}
