import type { z } from 'zod';
import { toMinorUnits } from '../../src-shared/money';
import { fromSpaazaDateTime } from '../../src-shared/wire';

/**
 * An amount of an engine answer in minor units: the one place the till turns the wire's decimal
 * major units into its own. An amount the currency cannot hold makes the answer invalid.
 */
export function minorAmount(
  amount: number,
  currency: string,
  context: z.RefinementCtx,
  path: readonly (string | number)[],
): number {
  const converted = toMinorUnits(amount, currency);
  if (converted.ok) return converted.value;
  context.addIssue({ code: 'custom', path: [...path], message: converted.error.message });
  return 0;
}

/** A Spaaza UTC date-time or an ISO-8601 instant, as epoch milliseconds; null when absent or unreadable. */
export function instantOf(text: string | null | undefined): number | null {
  if (!text) return null;
  const spaaza = fromSpaazaDateTime(text);
  if (spaaza !== null) return spaaza;
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : parsed;
}
