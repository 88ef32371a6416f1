import { err, ok, type Result } from '../../src-shared/result';

type Kind = 'text' | 'integer' | 'boolean' | 'list';

/** Each environment variable the till reads, and the config key it overrides. */
export const ENV_OVERRIDES = [
  { name: 'TILL_ENGINE_URL', key: ['engineUrl'], kind: 'text' },
  { name: 'TILL_ALLOW_PLAIN_HTTP_ENGINE', key: ['allowPlainHttpEngine'], kind: 'boolean' },
  { name: 'TILL_ENGINE_CA_FILE', key: ['engineCaFile'], kind: 'text' },
  { name: 'TILL_CHAIN_ID', key: ['chainId'], kind: 'integer' },
  { name: 'TILL_STORE_CODE', key: ['storeCode'], kind: 'text' },
  { name: 'TILL_TERMINAL_ID', key: ['terminalId'], kind: 'text' },
  { name: 'TILL_TERMINAL_USERNAME', key: ['terminalCredentials', 'username'], kind: 'text' },
  { name: 'TILL_TERMINAL_PASSWORD', key: ['terminalCredentials', 'password'], kind: 'text' },
  { name: 'TILL_CURRENCY', key: ['currency'], kind: 'text' },
  { name: 'TILL_LOCALE', key: ['locale'], kind: 'text' },
  { name: 'TILL_LANGUAGE', key: ['language'], kind: 'text' },
  { name: 'TILL_TIMEZONE', key: ['timezone'], kind: 'text' },
  { name: 'TILL_TIMEOUT_PRICING_MS', key: ['timeouts', 'pricingMs'], kind: 'integer' },
  { name: 'TILL_TIMEOUT_CONFIRM_MS', key: ['timeouts', 'confirmMs'], kind: 'integer' },
  { name: 'TILL_TIMEOUT_SYNC_MS', key: ['timeouts', 'syncMs'], kind: 'integer' },
  { name: 'TILL_TIMEOUT_PROBE_MS', key: ['timeouts', 'probeMs'], kind: 'integer' },
  { name: 'TILL_TIMEOUT_DOCTOR_MS', key: ['timeouts', 'doctorMs'], kind: 'integer' },
  {
    name: 'TILL_ENGINE_ANSWER_MAX_BYTES',
    key: ['engineAnswerMaxBytes'],
    kind: 'integer',
  },
  /** Deprecated, as its key is. */
  { name: 'TILL_OFFLINE_TIMEOUT_MS', key: ['offline', 'timeoutMs'], kind: 'integer' },
  {
    name: 'TILL_OFFLINE_VALUE_VOUCHERS_ALLOWED',
    key: ['offline', 'valueVouchersAllowed'],
    kind: 'boolean',
  },
  { name: 'TILL_OFFLINE_PER_SALE_CAP_MINOR', key: ['offline', 'perSaleCapMinor'], kind: 'integer' },
  { name: 'TILL_OFFLINE_PER_DAY_CAP_MINOR', key: ['offline', 'perDayCapMinor'], kind: 'integer' },
  { name: 'TILL_DATA_DIR', key: ['dataDir'], kind: 'text' },
  { name: 'TILL_PORT', key: ['httpPort'], kind: 'integer' },
  { name: 'TILL_KIOSK', key: ['kiosk'], kind: 'boolean' },
  { name: 'TILL_TRAINING', key: ['trainingMode'], kind: 'boolean' },
  { name: 'TILL_RECEIPT_PAPER', key: ['receiptPaper'], kind: 'text' },
  { name: 'TILL_PRINTER_NAME', key: ['printerName'], kind: 'text' },
  { name: 'TILL_HOST_POS_TOKEN', key: ['hostPosToken'], kind: 'text' },
  { name: 'TILL_TENDER_HOST_TAKES_PAYMENT', key: ['tender', 'hostTakesPayment'], kind: 'boolean' },
  /** Separated by commas: "cash" and "card" (a store's own method needs the config file, for its name). */
  { name: 'TILL_TENDER_METHODS', key: ['tender', 'methods'], kind: 'list' },
  {
    name: 'TILL_TENDER_CASH_ROUNDING_MINOR',
    key: ['tender', 'cashRoundingMinor'],
    kind: 'integer',
  },
  /** Separated by commas. */
  { name: 'TILL_HONOUR_FEED_PUBLIC_KEYS', key: ['honourFeedPublicKeys'], kind: 'list' },
  /** Deprecated, as its key is. */
  { name: 'TILL_ENGINE_TIMEOUT_MS', key: ['engineTimeoutMs'], kind: 'integer' },
  { name: 'TILL_SCAN_ITEM_PATTERN', key: ['scanPatterns', 'item'], kind: 'text' },
  { name: 'TILL_SCAN_LOYALTY_CARD_PATTERN', key: ['scanPatterns', 'loyaltyCard'], kind: 'text' },
  { name: 'TILL_SCAN_VOUCHER_PATTERN', key: ['scanPatterns', 'voucher'], kind: 'text' },
] as const satisfies readonly { name: string; key: readonly string[]; kind: Kind }[];

export interface EnvOverride {
  readonly name: string;
  readonly key: readonly string[];
  readonly value: string | number | boolean | readonly string[];
}

/** The overrides that are set (an empty variable counts as unset), each converted to its kind. */
export function readEnvOverrides(
  env: Readonly<Record<string, string | undefined>>,
): Result<EnvOverride[], string[]> {
  const overrides: EnvOverride[] = [];
  const problems: string[] = [];
  for (const { name, key, kind } of ENV_OVERRIDES) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const value = convert(raw.trim(), kind);
    if (value === undefined) {
      problems.push(`${name} (${key.join('.')}): must be ${describeKind(kind)} (environment)`);
    } else {
      overrides.push({ name, key, value });
    }
  }
  return problems.length > 0 ? err(problems) : ok(overrides);
}

function convert(raw: string, kind: Kind): EnvOverride['value'] | undefined {
  switch (kind) {
    case 'text':
      return raw;
    case 'list':
      return raw
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '');
    case 'integer':
      return /^-?\d+$/.test(raw) ? Number(raw) : undefined;
    case 'boolean':
      if (raw === 'true' || raw === '1') return true;
      if (raw === 'false' || raw === '0') return false;
      return undefined;
  }
}

function describeKind(kind: Kind): string {
  switch (kind) {
    case 'text':
      return 'text';
    case 'integer':
      return 'an integer';
    case 'boolean':
      return 'true or false';
    case 'list':
      return 'a list separated by commas';
  }
}
