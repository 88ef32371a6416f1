import { z } from 'zod';
import {
  codePart,
  currency,
  engineUrl,
  locale,
  nonEmptyText,
  nonNegativeInt,
  pattern,
  port,
  positiveInt,
  secretToken,
  timezone,
} from './fields';

export const DEFAULT_HTTP_PORT = 8410;

/**
 * What the scan router tells apart, whatever field has focus. Items: GTIN-8, UPC-A (12),
 * EAN-13 and GTIN-14; loyalty cards: the demo chain's 7-digit member numbers (1000001);
 * vouchers: a code starting with a letter, such as DEMO-5EUR or PROMO-7HD3XP.
 */
export const DEFAULT_SCAN_PATTERNS = {
  item: '^(?:\\d{8}|\\d{12,14})$',
  loyaltyCard: '^10\\d{5}$',
  voucher: '^[A-Z][A-Z0-9-]{3,}$',
} as const;

const offlinePolicy = z
  .strictObject({
    /** The engine is "offline" when it has not answered within this many milliseconds. */
    timeoutMs: positiveInt.default(2000),
    /** Value vouchers (basket, basket_pct) offline: refused unless this is true. */
    valueVouchersAllowed: z.boolean({ error: 'must be true or false' }).default(false),
    perSaleCapMinor: nonNegativeInt.default(0),
    perDayCapMinor: nonNegativeInt.default(0),
  })
  .superRefine((policy, context) => {
    if (!policy.valueVouchersAllowed) return;
    for (const key of ['perSaleCapMinor', 'perDayCapMinor'] as const) {
      if (policy[key] <= 0) {
        context.addIssue({
          code: 'custom',
          path: [key],
          message: 'must be a positive cap when offline.valueVouchersAllowed is true',
        });
      }
    }
    if (policy.perDayCapMinor < policy.perSaleCapMinor) {
      context.addIssue({
        code: 'custom',
        path: ['perDayCapMinor'],
        message: 'must not be smaller than offline.perSaleCapMinor',
      });
    }
  });

/**
 * The till's settings after the file, the environment and the defaults are merged. Keys marked
 * required have no default; when `engineUrl` is absent (demo mode) the demo chain's identity
 * fills them first (see demo-identity.ts).
 */
export const tillConfigSchema = z.strictObject({
  /** Absent: start a local demo engine and price against it. */
  engineUrl: engineUrl.optional(),
  chainId: positiveInt,
  storeCode: codePart,
  terminalId: codePart,
  terminalCredentials: z.strictObject({ username: nonEmptyText, password: nonEmptyText }),
  currency,
  locale: locale.default('en-GB'),
  timezone,
  offline: offlinePolicy.default({
    timeoutMs: 2000,
    valueVouchersAllowed: false,
    perSaleCapMinor: 0,
    perDayCapMinor: 0,
  }),
  /** Absolute after loading; defaults to the platform's data folder (paths.ts). */
  dataDir: nonEmptyText,
  httpPort: port.default(DEFAULT_HTTP_PORT),
  /** The Electron window fills the screen and cannot be left (a dedicated till). */
  kiosk: z.boolean().default(false),
  /** The bearer token a host POS uses on the loopback API; absent: no host POS access. */
  hostPosToken: secretToken.optional(),
  /** How long one engine request (price, confirm) may take before it fails. */
  engineTimeoutMs: positiveInt.default(5000),
  scanPatterns: z
    .strictObject({
      item: pattern.default(DEFAULT_SCAN_PATTERNS.item),
      loyaltyCard: pattern.default(DEFAULT_SCAN_PATTERNS.loyaltyCard),
      voucher: pattern.default(DEFAULT_SCAN_PATTERNS.voucher),
    })
    .default(DEFAULT_SCAN_PATTERNS),
});

export type TillConfig = z.infer<typeof tillConfigSchema>;
