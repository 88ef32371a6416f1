import { z } from 'zod';
import { LANGUAGES, languageOfLocale, type Language } from '../../src-shared/i18n';
import { RECEIPT_PAPERS } from '../../src-shared/till';
import {
  codePart,
  currency,
  engineUrl,
  feedPublicKey,
  flag,
  locale,
  nonEmptyText,
  nonNegativeInt,
  pattern,
  port,
  positiveInt,
  secretToken,
  timezone,
} from './fields';
import { DEFAULT_MAX_ANSWER_BYTES } from '../engine-client';
import { DEFAULT_TENDER, tenderSettings } from './tender';
import { plainHttpHostAcrossNetwork, plainHttpRefusal, readCaFile } from './engine-connection';

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

/**
 * How long the till waits for the engine, one setting per purpose. A pricing runs in the
 * background (a scan answers within 300 ms whatever it waits), so it may wait long; one that
 * times out has the probe asked whether the engine is away: while the probe answers the pricing
 * is sent again, else the sale is priced locally. A confirm that times out goes to the outbox and is replayed (add-basket is
 * idempotent), so it may wait longer for an engine that is slow but there. The outbox and the
 * honour-voucher feed run in the background and send larger pages. The probe asks every
 * couple of seconds whether the engine is there, and is short: the status bar must say Offline
 * within 5 s of the engine going away. The diagnostics wait as long as a confirm would for each
 * of their engine checks: IT wants to see a slow engine, not an offline one.
 */
export const DEFAULT_TIMEOUTS = {
  pricingMs: 8000,
  confirmMs: 5000,
  syncMs: 10_000,
  probeMs: 1500,
  doctorMs: 5000,
} as const;

const timeouts = z.strictObject({
  /** get-basket-price, on every change to a sale; also signing in to the engine. */
  pricingMs: positiveInt.optional(),
  /** add-basket when the cashier confirms a sale. */
  confirmMs: positiveInt.optional(),
  /** The outbox's add-baskets and the honour-voucher feed, in the background. */
  syncMs: positiveInt.optional(),
  /** The health probe that tells the till whether the engine is there (docs/architecture.md, "Offline and sync"). */
  probeMs: positiveInt.optional(),
  /** Each engine check of the diagnostics, in `npm run till:doctor` and on F3 alike. */
  doctorMs: positiveInt.optional(),
});

const offlinePolicy = z
  .strictObject({
    /**
     * Deprecated: read as `timeouts.pricingMs` only (a legacy value would break the probe's
     * budget for the status bar).
     */
    timeoutMs: positiveInt.optional(),
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
export const tillConfigSchema = z
  .strictObject({
    /** Absent: start a local demo engine and price against it. */
    engineUrl: engineUrl.optional(),
    /** Plain http:// to an engine that is not on this machine: refused unless this is true. */
    allowPlainHttpEngine: z.boolean({ error: 'must be true or false' }).default(false),
    /** A PEM file of the CA that signed the engine's certificate; absolute after loading. */
    engineCaFile: nonEmptyText
      .superRefine((path, context) => {
        const read = readCaFile(path);
        if (!read.ok) context.addIssue({ code: 'custom', message: read.why });
      })
      .optional(),
    chainId: positiveInt,
    storeCode: codePart,
    terminalId: codePart,
    terminalCredentials: z.strictObject({ username: nonEmptyText, password: nonEmptyText }),
    currency,
    locale: locale.default('en-GB'),
    /** The language of the till's words; absent: the store's locale's, English when it has none. */
    language: z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(', ')}` }).optional(),
    timezone,
    offline: offlinePolicy.default({
      valueVouchersAllowed: false,
      perSaleCapMinor: 0,
      perDayCapMinor: 0,
    }),
    /** Absolute after loading; defaults to the platform's data folder (paths.ts). */
    dataDir: nonEmptyText,
    httpPort: port.default(DEFAULT_HTTP_PORT),
    /** The Electron window fills the screen and cannot be left (a dedicated till). */
    kiosk: z.boolean().default(false),
    /**
     * A till for practising: sales are priced by the engine as a training basket (nothing locked),
     * never redeemed, journalled, queued or synced, and every screen and receipt says so.
     */
    trainingMode: flag.default(false),
    /** What receipts are printed on: an 80 mm thermal roll or A4 sheets (the print layout). */
    receiptPaper: z
      .enum(RECEIPT_PAPERS, { error: `must be one of ${RECEIPT_PAPERS.join(', ')}` })
      .default('80mm'),
    /**
     * The printer the Electron window prints receipts on without asking, by its system name;
     * absent: the system's default printer. Browser mode asks with the browser's print dialog.
     */
    printerName: nonEmptyText.optional(),
    /** A manager's sign-in ends after this many minutes without a manager command (and on leaving the screen). */
    managerIdleMinutes: positiveInt.default(2),
    /** The bearer token a host POS uses on the loopback API; absent: no host POS access. */
    hostPosToken: secretToken.optional(),
    timeouts: timeouts.default({}),
    /** How the till takes payment: the tenders offered, cash rounding, or a host POS that takes it. */
    tender: tenderSettings.default({
      hostTakesPayment: DEFAULT_TENDER.hostTakesPayment,
      methods: [...DEFAULT_TENDER.methods],
    }),
    /**
     * The public keys (`ed25519:<base64>`, from the engine's `show-feed-key`) whose signature on an
     * honour-feed page the till accepts; several while a rotation is under way. None: no page is
     * taken (docs/security.md, "Signed honour-voucher feed").
     */
    honourFeedPublicKeys: z
      .array(feedPublicKey, { error: 'must be a list of keys such as ["ed25519:<base64>"]' })
      .default([]),
    /** An engine answer longer than this is cut off there and counts as the engine being away. */
    engineAnswerMaxBytes: positiveInt.default(DEFAULT_MAX_ANSWER_BYTES),
    /** Deprecated: read as `timeouts.confirmMs` and `timeouts.doctorMs`. */
    engineTimeoutMs: positiveInt.optional(),
    scanPatterns: z
      .strictObject({
        item: pattern.default(DEFAULT_SCAN_PATTERNS.item),
        loyaltyCard: pattern.default(DEFAULT_SCAN_PATTERNS.loyaltyCard),
        voucher: pattern.default(DEFAULT_SCAN_PATTERNS.voucher),
      })
      .default(DEFAULT_SCAN_PATTERNS),
  })
  .superRefine((config, context) => {
    if (config.engineUrl === undefined || config.allowPlainHttpEngine) return;
    const host = plainHttpHostAcrossNetwork(config.engineUrl);
    if (host !== null)
      context.addIssue({ code: 'custom', path: ['engineUrl'], message: plainHttpRefusal(host) });
  });

type ParsedConfig = z.output<typeof tillConfigSchema>;

export type Timeouts = { readonly [K in keyof typeof DEFAULT_TIMEOUTS]: number };

/** The settings the till runs with: every timeout and the language resolved, the deprecated keys gone. */
export type TillConfig = Omit<
  ParsedConfig,
  'engineTimeoutMs' | 'offline' | 'timeouts' | 'language'
> & {
  readonly offline: Omit<ParsedConfig['offline'], 'timeoutMs'>;
  readonly timeouts: Timeouts;
  readonly language: Language;
};

/** A deprecated key the file or the environment still sets, and what it is read as. */
export interface DeprecatedKey {
  readonly key: string;
  readonly readAs: readonly string[];
}

const ALIASES = [
  { key: 'offline.timeoutMs', readAs: ['pricingMs'] },
  { key: 'engineTimeoutMs', readAs: ['confirmMs', 'doctorMs'] },
] as const;

/**
 * Resolves the timeouts: a `timeouts` key wins, then a deprecated key that stands for it, then
 * the default. The deprecated keys used are listed, so that the till can say so.
 */
export function resolveTimeouts(parsed: ParsedConfig): {
  config: TillConfig;
  deprecated: DeprecatedKey[];
} {
  const { engineTimeoutMs, offline, timeouts: given, ...rest } = parsed;
  const { timeoutMs: offlineTimeoutMs, ...policy } = offline;
  const aliasValue = { 'offline.timeoutMs': offlineTimeoutMs, engineTimeoutMs };
  const deprecated: DeprecatedKey[] = [];
  const resolved: Partial<Record<keyof Timeouts, number>> = { ...given };
  for (const alias of ALIASES) {
    const value = aliasValue[alias.key];
    if (value === undefined) continue;
    deprecated.push({ key: alias.key, readAs: alias.readAs.map((name) => `timeouts.${name}`) });
    for (const name of alias.readAs) resolved[name] ??= value;
  }
  return {
    config: {
      ...rest,
      language: rest.language ?? languageOfLocale(rest.locale),
      offline: policy,
      timeouts: {
        pricingMs: resolved.pricingMs ?? DEFAULT_TIMEOUTS.pricingMs,
        confirmMs: resolved.confirmMs ?? DEFAULT_TIMEOUTS.confirmMs,
        syncMs: resolved.syncMs ?? DEFAULT_TIMEOUTS.syncMs,
        probeMs: resolved.probeMs ?? DEFAULT_TIMEOUTS.probeMs,
        doctorMs: resolved.doctorMs ?? DEFAULT_TIMEOUTS.doctorMs,
      },
    },
    deprecated,
  };
}
