import { z } from 'zod';
import { isSupportedCurrency } from '../money/currency';
import { parseDecimal } from '../money/decimal';

/** A decimal amount in major units as the wire carries it; its decimals are checked against the currency at conversion. */
export const wireAmount = z.number();

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
export const itemQuantity = z
  .number()
  .positive()
  .max(MAX_ITEM_QUANTITY)
  .refine((quantity) => {
    const parsed = parseDecimal(quantity);
    return parsed.ok && parsed.value.scale <= MAX_QUANTITY_DECIMALS;
  }, `must have at most ${MAX_QUANTITY_DECIMALS} decimals`);

export const code = z.string().trim().min(1).max(128);

export const optionalText = z.string().max(2000).nullish();
