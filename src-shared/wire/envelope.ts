import { z } from 'zod';

/**
 * The Spaaza envelope: `result.code` 1 with `results` (and maybe `warnings`) on success;
 * `result.code` 2 with a singular `error` object on failure. Objects are loose: the real
 * service adds fields without a version bump, so unknown keys are kept, never refused.
 */
export const warningSchema = z.looseObject({
  code: z.number().int(),
  name: z.string(),
  description: z.string(),
  message: z
    .looseObject({
      key: z.string().optional(),
      /** Our addition: the code the voucher was asked for by, when `key` is its voucher key. */
      voucher_code: z.string().optional(),
      locked_until: z.string().optional(),
      /** Our addition: for `voucher_locked`, the basket code of the sale that holds the voucher. */
      locked_basket_code: z.string().optional(),
    })
    .optional(),
});
export type SpaazaWarning = z.infer<typeof warningSchema>;

export const errorSchema = z.looseObject({
  code: z.number().int(),
  name: z.string(),
  description: z.string(),
});
export type SpaazaError = z.infer<typeof errorSchema>;

export const okResultSchema = z.looseObject({ code: z.literal(1), status: z.literal('ok') });
export const errorResultSchema = z.looseObject({ code: z.literal(2), status: z.literal('error') });

export function okEnvelopeSchema<T extends z.ZodType>(results: T) {
  return z.looseObject({
    result: okResultSchema,
    results,
    warnings: z.array(warningSchema).optional(),
  });
}

export const errorEnvelopeSchema = z.looseObject({
  result: errorResultSchema,
  error: errorSchema,
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** Either face of one call's response, told apart by `result.code`. */
export function responseSchema<T extends z.ZodType>(results: T) {
  return z.union([okEnvelopeSchema(results), errorEnvelopeSchema]);
}
