export { formatClock, formatDate, formatStamp } from '../../src-shared/i18n';

/** Time left until `instant`, as "4:05" (minutes:seconds), or null once it has passed. */
export function timeLeft(instant: string, now: number): string | null {
  const ms = Date.parse(instant) - now;
  if (ms <= 0) return null;
  const seconds = Math.ceil(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

const BYTE_UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const;
export type ByteUnit = (typeof BYTE_UNITS)[number];

/** 1536 → { value: "1.5", unit: "KB" }: database sizes on the diagnostics screen, worded there. */
export function byteSize(
  bytes: number,
  locale: string | undefined,
): { readonly value: string; readonly unit: ByteUnit } {
  let value = bytes;
  let index = 0;
  while (value >= 1024 && index < BYTE_UNITS.length - 1) {
    value /= 1024;
    index += 1;
  }
  const digits = index === 0 ? 0 : 1;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  return { value: number, unit: BYTE_UNITS[index] ?? 'bytes' };
}
