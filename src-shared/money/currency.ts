/**
 * ISO 4217 minor-unit exponents. Intl is not used for this: its CLDR data gives the digits
 * shown on cash (HUF, IDR, COP as 0; IQD as 0) where ISO 4217 fixes 2 or 3, and the engine
 * and the till must agree with the wire's decimals, which follow ISO 4217.
 */
const EXPONENT_0 = codes('BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF');
const EXPONENT_3 = codes('BHD IQD JOD KWD LYD OMR TND');
const EXPONENT_4 = codes('CLF UYW');
const EXPONENT_2 = codes(
  'AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN ' +
    'BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP ' +
    'GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT ' +
    'LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN ' +
    'NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE ' +
    'SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES ' +
    'WST XCD XCG YER ZAR ZMW ZWG',
);

function codes(list: string): string[] {
  return list.split(' ');
}

const exponents: ReadonlyMap<string, number> = new Map<string, number>([
  ...EXPONENT_0.map((code) => [code, 0] as const),
  ...EXPONENT_2.map((code) => [code, 2] as const),
  ...EXPONENT_3.map((code) => [code, 3] as const),
  ...EXPONENT_4.map((code) => [code, 4] as const),
]);

/** Every active ISO 4217 currency with a minor unit (metals and fund codes like XAU are not money to sell in). */
export const SUPPORTED_CURRENCIES: readonly string[] = [...exponents.keys()].sort();

export function isSupportedCurrency(code: string): boolean {
  return exponents.has(code);
}

/** Number of decimals of the currency's minor unit: EUR 2, JPY 0, KWD 3. */
export function currencyExponent(code: string): number {
  const exponent = exponents.get(code);
  if (exponent === undefined) {
    throw new RangeError(
      `unsupported currency code "${code}" (expected an ISO 4217 code such as EUR)`,
    );
  }
  return exponent;
}
