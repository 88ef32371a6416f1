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
