import { toMinorUnits } from '../../../src-shared/money';
import { invalidParameters } from '../../http/errors';

/** A wire amount in minor units of the currency, refused (naming the field) unless it is above zero. */
export function positiveAmount(path: string, amount: number | string, currency: string): number {
  const minor = toMinorUnits(amount, currency);
  if (!minor.ok) throw invalidParameters([{ path, message: minor.error.message }]);
  if (minor.value <= 0) throw invalidParameters([{ path, message: 'must be more than 0' }]);
  return minor.value;
}
