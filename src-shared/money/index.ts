export { MAX_AMOUNT_MINOR, isAmount, toMajorText, toMajorUnits, toMinorUnits } from './amount';
export { SUPPORTED_CURRENCIES, currencyExponent, isSupportedCurrency } from './currency';
export {
  addDecimals,
  formatDecimal,
  minDecimal,
  parseDecimal,
  subtractDecimals,
  type Decimal,
  type NumberError,
  type NumberErrorCode,
} from './decimal';
export { formatMoney } from './format';
export {
  divideRoundHalfAwayFromZero,
  multiplyMinor,
  proportionOfMinor,
  roundToStep,
} from './rounding';
export { currencyNumber, currencySymbol } from './currency-number';
