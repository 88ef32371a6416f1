export { MAX_AMOUNT_MINOR, isAmount, toMajorText, toMajorUnits, toMinorUnits } from './amount';
export { SUPPORTED_CURRENCIES, currencyExponent, isSupportedCurrency } from './currency';
export { parseDecimal, type Decimal, type NumberError, type NumberErrorCode } from './decimal';
export { formatMoney } from './format';
export { divideRoundHalfAwayFromZero, multiplyMinor } from './rounding';
