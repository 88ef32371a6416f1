import { ok } from '../../../src-shared/result';
import { toMinorUnits } from '../../../src-shared/money';
import { invalidFields, type Outcome } from '../refusal';

/** A wire amount in minor units of the currency, refused (naming the field) unless it is above zero. */
export function positiveAmount(
  path: string,
  amount: number | string,
  currency: string,
): Outcome<number> {
  const minor = toMinorUnits(amount, currency);
  if (!minor.ok) return invalidFields([{ path, message: minor.error.message }]);
  if (minor.value <= 0) return invalidFields([{ path, message: 'must be more than 0' }]);
  return ok(minor.value);
}
