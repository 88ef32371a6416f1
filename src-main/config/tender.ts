import { z } from 'zod';
import type { TenderMethod, TenderSettingsView } from '../../src-shared/till';
import { nonEmptyText, positiveInt } from './fields';

const KNOWN_METHODS = ['cash', 'card'] as const;
const otherId = z
  .string({ error: 'must be text' })
  .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, {
    error: 'must be 1 to 32 lower-case letters, digits, "-" or "_"',
  })
  .refine((id) => !(KNOWN_METHODS as readonly string[]).includes(id), {
    error: 'cash and card are named by the till: list them as "cash" or "card"',
  });

const method = z.union(
  [z.enum(KNOWN_METHODS), z.strictObject({ id: otherId, name: nonEmptyText.max(40) })],
  { error: 'must be "cash", "card" or { "id": "giftcard", "name": "Gift card" }' },
);

/** The default: cash and card, no cash rounding, the cashier records the tenders. */
export const DEFAULT_TENDER = {
  hostTakesPayment: false,
  methods: ['cash', 'card'],
} as const;

/**
 * How the till takes payment (README, "Payment"). `methods`: the tenders the panel offers, in
 * order; `cashRoundingMinor`: cash is rounded to this many minor units (5: to 0,05), absent for
 * none; `hostTakesPayment`: a host POS takes the payment and the till only confirms.
 */
export const tenderSettings = z
  .strictObject({
    hostTakesPayment: z.boolean({ error: 'must be true or false' }).default(false),
    methods: z
      .array(method, { error: 'must be a list such as ["cash", "card"]' })
      .min(1, { error: 'must name at least one way of paying' })
      .max(12, { error: 'must name at most 12 ways of paying' })
      .default([...DEFAULT_TENDER.methods]),
    cashRoundingMinor: positiveInt.max(100, { error: 'must be at most 100' }).optional(),
  })
  .superRefine((tender, context) => {
    const ids = tender.methods.map((entry) => (typeof entry === 'string' ? entry : entry.id));
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index)
        context.addIssue({
          code: 'custom',
          path: ['methods', index],
          message: `"${id}" is listed twice`,
        });
    });
  });

export type TenderSettings = z.output<typeof tenderSettings>;

/** The configured methods as the till offers them. */
export function tenderMethods(tender: TenderSettings): TenderMethod[] {
  return tender.methods.map((entry) =>
    typeof entry === 'string'
      ? { id: entry, kind: entry, name: null }
      : { id: entry.id, kind: 'other', name: entry.name },
  );
}

/** What the screens are told of the settings (`status/get`). */
export function tenderView(tender: TenderSettings): TenderSettingsView {
  return {
    hostTakesPayment: tender.hostTakesPayment,
    methods: tenderMethods(tender),
    cashStep: tender.cashRoundingMinor ?? null,
  };
}
