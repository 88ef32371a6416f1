export { formatClock, formatDate, formatStamp } from '../../src-shared/i18n';

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
