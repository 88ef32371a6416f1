/** What a scanned code is, told apart by configurable patterns, whatever field had focus. */
export type ScanKind = 'item' | 'loyalty_card' | 'voucher';

export interface ScanPatterns {
  readonly item: RegExp;
  readonly loyaltyCard: RegExp;
  readonly voucher: RegExp;
}

export type ScanClass =
  | { readonly kind: ScanKind; readonly code: string }
  | { readonly kind: 'unrecognised'; readonly code: string };

/**
 * Loyalty cards are tried first (their numbers are the most specific), then items, then
 * voucher codes. Scanners add stray whitespace and some send lower case: both are removed.
 */
export function classifyScan(raw: string, patterns: ScanPatterns): ScanClass {
  const code = raw.trim();
  if (patterns.loyaltyCard.test(code)) return { kind: 'loyalty_card', code };
  if (patterns.item.test(code)) return { kind: 'item', code };
  const upper = code.toUpperCase();
  if (patterns.voucher.test(upper)) return { kind: 'voucher', code: upper };
  return { kind: 'unrecognised', code };
}

/** Compiles the configured pattern texts once; a bad pattern is a configuration error naming its key. */
export function compilePatterns(texts: {
  item: string;
  loyaltyCard: string;
  voucher: string;
}): ScanPatterns | { error: string } {
  const compiled: Partial<Record<keyof ScanPatterns, RegExp>> = {};
  for (const key of ['item', 'loyaltyCard', 'voucher'] as const) {
    try {
      compiled[key] = new RegExp(texts[key]);
    } catch (error) {
      return {
        error: `scanPatterns.${key}: not a valid regular expression (${error instanceof Error ? error.message : String(error)})`,
      };
    }
  }
  const { item, loyaltyCard, voucher } = compiled;
  if (!item || !loyaltyCard || !voucher) return { error: 'scanPatterns: incomplete' };
  return { item, loyaltyCard, voucher };
}
