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

/** Time left until `instant`, as "4:05" (minutes:seconds), or null once it has passed. */
export function timeLeft(instant: string, now: number): string | null {
  const ms = Date.parse(instant) - now;
  if (ms <= 0) return null;
  const seconds = Math.ceil(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/** 1536 → "1.5 KB": database sizes on the diagnostics screen. */
export function formatBytes(bytes: number, locale: string | undefined): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  return `${number} ${units[unit] ?? 'bytes'}`;
}
