import type { TFunction } from 'i18next';

/** How fresh the till's copy of the honour vouchers is, in words (shown on Diagnostics, F3). */
export function cacheAgeText(t: TFunction, updatedAt: string | null, now: number): string {
  if (updatedAt === null) return t('screens.common.cacheAge.never');
  const minutes = Math.floor(Math.max(0, now - Date.parse(updatedAt)) / 60_000);
  if (minutes < 1) return t('screens.common.cacheAge.justNow');
  if (minutes < 60) return t('screens.common.cacheAge.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('screens.common.cacheAge.hours', { count: hours });
  return t('screens.common.cacheAge.days', { count: Math.floor(hours / 24) });
}
