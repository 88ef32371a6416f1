import { toMinorUnits } from '../../src-shared/money';

/** The locale's decimal and grouping marks, as it writes 1234.5. */
function marks(locale: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(1234.5);
  return {
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
  };
}

/**
 * An amount the cashier typed (`3,70`, `€ 3,70`, `1.234,50` in nl-NL; `3.70` in en-GB) in minor
 * units of `currency`; null when it is not one. A point is read as the decimal mark too where the
 * locale writes a comma, when it cannot be a grouping mark (`3.70`).
 */
export function typedAmount(text: string, locale: string, currency: string): number | null {
  const { decimal, group } = marks(locale);
  let plain = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^[^\d\-.,]+|[^\d.,]+$/g, '');
  const pointAsDecimal = decimal === ',' && !plain.includes(',') && /^\d+\.\d{1,2}$/.test(plain);
  if (!pointAsDecimal) plain = plain.split(group).join('').replace(decimal, '.');
  if (!/^\d+(?:\.\d+)?$/.test(plain)) return null;
  const minor = toMinorUnits(plain, currency);
  return minor.ok ? minor.value : null;
}
