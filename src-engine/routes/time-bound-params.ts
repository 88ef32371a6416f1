import { z } from 'zod';
import {
  parseIsoInstant,
  parseRelativeTime,
  resolveTimeBound,
  type TimeBound,
} from '../../src-shared/wire/time-bound';

/*
 * The one grammar of a date bound a call filters by (get-vouchers, get-receipts): each bound
 * `NAME` is an ISO 8601 time, and `NAME_relative` the same bound relative to now.
 */

export const isoBound = z.string().transform((text, context): TimeBound => {
  const at = parseIsoInstant(text);
  if (at !== null) return { kind: 'absolute', at };
  context.addIssue({
    code: 'custom',
    message: 'must be an ISO 8601 time such as 2026-03-01 or 2026-03-01T10:15:00Z',
  });
  return z.NEVER;
});

export const relativeBound = z.string().transform((text, context): TimeBound => {
  const bound = parseRelativeTime(text);
  if (bound !== null) return bound;
  context.addIssue({
    code: 'custom',
    message: 'must be a time relative to now such as -13 months or +6 weeks (units second … year)',
  });
  return z.NEVER;
});

/** A bound's two forms as parsed, by parameter name. */
type BoundPair<N extends string> = Readonly<
  Partial<Record<N | `${N}_relative`, TimeBound | undefined>>
>;

/** The bounds of `names` sent in both forms; the relative name of each is the one reported. */
export function doubledBoundIssues<N extends string>(
  params: BoundPair<N>,
  names: readonly N[],
): { path: string[]; message: string }[] {
  return names
    .filter((name) => params[name] !== undefined && params[`${name}_relative`] !== undefined)
    .map((name) => ({
      path: [`${name}_relative`],
      message: `send either ${name} or ${name}_relative, not both`,
    }));
}

/** The instant the bound `name` stands for at `now`, in whichever form it was sent. */
export function boundAt<N extends string>(
  params: BoundPair<N>,
  name: N,
  now: number,
): number | undefined {
  const bound = params[name] ?? params[`${name}_relative`];
  return bound === undefined ? undefined : resolveTimeBound(bound, now);
}
