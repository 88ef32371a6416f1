/** How fresh the till's copy of the honour vouchers is, in words for the status bar. */
export function cacheAgeText(updatedAt: string | null, now: number): string {
  if (updatedAt === null) return 'Voucher cache: never filled';
  const minutes = Math.floor(Math.max(0, now - Date.parse(updatedAt)) / 60_000);
  if (minutes < 1) return 'Vouchers cached just now';
  if (minutes < 60) return `Vouchers cached ${String(minutes)} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `Vouchers cached ${String(hours)} h ago`;
  return `Vouchers cached ${String(Math.floor(hours / 24))} days ago`;
}
