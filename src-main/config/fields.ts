import { z } from 'zod';
import { parseFeedPublicKey } from '../../src-node/feed-signature';
import { isSupportedCurrency } from '../../src-shared/money';

/** Field validators whose messages read well after "<key>: " in an error for IT staff. */

export const positiveInt = z
  .number({ error: 'must be a positive integer' })
  .int({ error: 'must be a positive integer' })
  .positive({ error: 'must be a positive integer' });

export const nonNegativeInt = z
  .number({ error: 'must be a whole number of minor units, 0 or more' })
  .int({ error: 'must be a whole number of minor units, 0 or more' })
  .nonnegative({ error: 'must be a whole number of minor units, 0 or more' });

export const port = z
  .number({ error: 'must be a port number from 1 to 65535' })
  .int({ error: 'must be a port number from 1 to 65535' })
  .min(1, { error: 'must be a port number from 1 to 65535' })
  .max(65_535, { error: 'must be a port number from 1 to 65535' });

/** Store codes and terminal ids go into basket codes `<store>-<terminal>-<day>-<seq>`: no dashes. */
export const codePart = z
  .string({ error: 'must be text' })
  .regex(/^[A-Za-z0-9]{1,16}$/, { error: 'must be 1 to 16 letters or digits (no dashes)' });

export const flag = z.boolean({ error: 'must be true or false' });

export const nonEmptyText = z
  .string({ error: 'must be text' })
  .min(1, { error: 'must not be empty' });

export const engineUrl = z.string({ error: 'must be a URL' }).refine(isHttpUrl, {
  error: 'must be an http:// or https:// URL such as http://127.0.0.1:8400',
});

export const currency = z
  .string({ error: 'must be an ISO 4217 currency code such as EUR' })
  .refine(isSupportedCurrency, { error: 'must be an ISO 4217 currency code such as EUR' });

export const timezone = z
  .string({ error: 'must be an IANA time zone such as Europe/Amsterdam' })
  .refine(isIanaTimeZone, { error: 'must be an IANA time zone such as Europe/Amsterdam' });

export const locale = z
  .string({ error: 'must be a BCP 47 locale such as nl-NL' })
  .refine(isLocale, { error: 'must be a BCP 47 locale such as nl-NL' });

export const pattern = z
  .string({ error: 'must be a regular expression' })
  .refine(compiles, { error: 'must be a valid regular expression' });

export const secretToken = z
  .string({ error: 'must be text' })
  .min(16, { error: 'must be at least 16 characters' });

function isHttpUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const { protocol } = new URL(text);
  return protocol === 'http:' || protocol === 'https:';
}

// Intl also accepts offsets such as "+01:00"; a store's day boundary needs a real zone with its DST rules.
const IANA_NAME = /^(?:UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/;

function isIanaTimeZone(name: string): boolean {
  if (!IANA_NAME.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

function compiles(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** A public key of the engine's honour-feed signing key, as `show-feed-key` prints it. */
export const feedPublicKey = z
  .string({ error: 'must be text such as ed25519:<base64>' })
  .superRefine((text, context) => {
    const parsed = parseFeedPublicKey(text);
    if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.error });
  });
