import { z } from 'zod';
import { isSupportedCurrency } from '../money/currency';
import { parseDecimal, type Decimal } from '../money/decimal';

/*
 * Numbers and flags sent as text (docs/spaaza-wire.md, "Numbers and flags as text"): PHP clients
 * write `"item_price": "20.00"` or `"return_item": "1"`. The one rule for every such field.
 */

/** Plain decimal text: an optional sign, digits, an optional fraction; no exponent, no hex. */
const PLAIN_DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;

const sameDecimal = (a: Decimal, b: Decimal) =>
  a.coefficient === b.coefficient && a.scale === b.scale;

/**
 * Decimal text as the number it writes, when a number holds that value exactly ("0.1" is the
 * number 0.1, whose decimal reading is 0.1 again); anything else is left as it came, for the
 * field's schema to refuse.
 */
function numberFromText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (!PLAIN_DECIMAL.test(text)) return value;
  const written = parseDecimal(text);
  const asNumber = Number(text);
  const read = parseDecimal(asNumber);
  return written.ok && read.ok && sameDecimal(written.value, read.value) ? asNumber : value;
}

/** A number field that also takes its value as exact decimal text. */
export const wireNumber = <Out>(schema: z.ZodType<Out, number>) =>
  z.preprocess(numberFromText, schema);

const FLAG_WORDS: Readonly<Record<string, boolean>> = {
  '1': true,
  true: true,
  '0': false,
  false: false,
};

/** A flag: true or false, or the text "true", "false", "1" or "0" (any letter case). */
export const wireFlag = z.preprocess(
  (value) =>
    typeof value === 'string' ? (FLAG_WORDS[value.trim().toLowerCase()] ?? value) : value,
  z.boolean(),
);

/** A decimal amount in major units as the wire carries it; its decimals are checked against the currency at conversion. */
export const wireAmount = z.number();

/** An amount in a request: a number, or exact decimal text such as "20.00". Answers carry numbers only. */
export const requestAmount = wireNumber(wireAmount);

/** 64 hexadecimal characters. */
export const voucherKey = z.string().regex(/^[0-9a-f]{64}$/i, 'must be 64 hexadecimal characters');

/** Spaaza's UTC date-time, e.g. "2018-10-16 15:54:01". */
export const spaazaDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'must be a UTC time like "2026-11-23 14:05:00"');

export const currencyCode = z
  .string()
  .refine(isSupportedCurrency, 'must be an ISO 4217 currency code such as "EUR"');

export const MAX_ITEM_QUANTITY = 1_000_000;
export const MAX_QUANTITY_DECIMALS = 6;

/** Positive, at most a million, at most 6 decimals (milligrams of a kilo). */
export const itemQuantity = wireNumber(
  z
    .number()
    .positive()
    .max(MAX_ITEM_QUANTITY)
    .refine((quantity) => {
      const parsed = parseDecimal(quantity);
      return parsed.ok && parsed.value.scale <= MAX_QUANTITY_DECIMALS;
    }, `must have at most ${MAX_QUANTITY_DECIMALS} decimals`),
);

export const code = z.string().trim().min(1).max(128);

export const optionalText = z.string().max(2000).nullish();
