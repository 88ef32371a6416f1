/** GS1 item numbers the till sells by: GTIN-8 (EAN-8), GTIN-12 (UPC-A), GTIN-13 (EAN-13), GTIN-14. */
const GTIN = /^(?:\d{8}|\d{12,14})$/;

/**
 * The GS1 check digit of the digits before it: from the right, weights 3, 1, 3, …;
 * the check digit brings the weighted sum up to a multiple of ten.
 */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let index = 0; index < body.length; index += 1) {
    const digit = Number(body[body.length - 1 - index]);
    sum += index % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Why `barcode` is not a GTIN, or undefined when it is one. */
export function gtinProblem(barcode: string): string | undefined {
  if (!GTIN.test(barcode)) return 'must be a GTIN: 8, 12, 13 or 14 digits';
  const expected = gtinCheckDigit(barcode.slice(0, -1));
  if (Number(barcode.slice(-1)) !== expected) {
    return `has a wrong check digit (${barcode}: the last digit should be ${expected})`;
  }
  return undefined;
}
