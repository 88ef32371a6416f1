import { z } from 'zod';

/* Field schemas shared by the routes' edge validation. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A public id (reward, benefit, event, webhook): a UUID in any letter case, stored in lower case. */
export const uuid = z
  .string({ error: 'must be a UUID' })
  .trim()
  .regex(UUID, 'must be a UUID')
  .transform((id) => id.toLowerCase());

/** `{id}` of a path such as `/events/:id`: a malformed one is invalid_parameters naming `id`. */
export const idParams = z.object({ id: uuid });

/** A whole number written in decimal digits, as query strings carry it: no signs, exponents or hex. */
export const digits = (min: number, max: number) =>
  z
    .string({ error: 'must be a whole number' })
    .trim()
    .regex(/^\d{1,16}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

/** `:id` of a row the admin API names by its number (keys, accounts). */
export const rowIdParams = z.object({ id: digits(1, 2 ** 31 - 1) });

export interface ListQueryOptions {
  /** The largest page a caller may ask for. */
  readonly maxLimit: number;
  /** The page size when the caller names none. */
  readonly defaultLimit: number;
}

/**
 * The paging every list takes from its query string (docs/wll-face.md, "Lists"): `limit`, `skip` and
 * `order` (ASC or DESC, any letter case; newest first by default). Extend it with the filters.
 */
export function listQuery({ maxLimit, defaultLimit }: ListQueryOptions) {
  return z.object({
    limit: digits(1, maxLimit).default(defaultLimit),
    skip: digits(0, Number.MAX_SAFE_INTEGER).default(0),
    order: z
      .string({ error: 'must be ASC or DESC' })
      .trim()
      .toUpperCase()
      .pipe(z.enum(['ASC', 'DESC'], { error: 'must be ASC or DESC' }))
      .default('DESC'),
  });
}
