const clockFormats = new Map<string, Intl.DateTimeFormat>();
const stampFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached(
  cache: Map<string, Intl.DateTimeFormat>,
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = locale ?? '';
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/** "14:05" in the till's locale: when a voucher lock ends. */
export function formatClock(instant: string, locale: string | undefined): string {
  return cached(clockFormats, locale, { hour: '2-digit', minute: '2-digit' }).format(
    new Date(instant),
  );
}

/** Date and time for logs and receipts: "23-11-2025 14:05:09". */
export function formatStamp(instant: string, locale: string | undefined): string {
  return cached(stampFormats, locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(new Date(instant));
}

/** The day alone, "31-01-2027": until when an issued voucher can be used. */
export function formatDate(instant: string, locale: string | undefined): string {
  return cached(dateFormats, locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );
}

const quantityFormats = new Map<string, Intl.NumberFormat>();

/**
 * A line's quantity as the locale writes it: pieces as a whole number ("24"), a weight in kg
 * always with its 3 decimals ("0,785" in nl-NL); the unit's word comes from the catalogue.
 */
export function formatQuantity(
  quantity: number,
  unit: 'piece' | 'kg',
  locale: string | undefined,
): string {
  const key = `${locale ?? ''}|${unit}`;
  let format = quantityFormats.get(key);
  if (!format) {
    const digits = unit === 'kg' ? 3 : 0;
    format = new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: unit === 'piece',
    });
    quantityFormats.set(key, format);
  }
  return format.format(quantity);
}

/**
 * What a cashier typed as a quantity, read back: digits with one decimal comma or point (either,
 * whatever the locale). Null for anything else, for nothing above zero, for decimals on pieces,
 * and for more than `maxDecimals` decimals on a weight.
 */
export function readQuantity(text: string, unit: 'piece' | 'kg', maxDecimals = 3): number | null {
  const match = /^(\d{1,7})(?:[.,](\d*))?$/u.exec(text.trim());
  if (!match) return null;
  const [, whole = '', fraction = ''] = match;
  if (unit === 'piece' && fraction.replace(/0/gu, '') !== '') return null;
  if (fraction.length > maxDecimals) return null;
  const value = Number(`${whole}.${fraction || '0'}`);
  return value > 0 && value <= 1_000_000 ? value : null;
}
