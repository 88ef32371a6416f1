import {
  addBasketResultsSchema,
  parseWith,
  type AddBasketResults,
  type SpaazaWarning,
  type AddBasketRequest,
} from '../../src-shared/wire';
import type { StoredBasket } from '../domain/add-basket';
import { toPricedBasket, toWarnings } from './priced-basket';
import { toVoucherObject } from './voucher-object';

/** add-basket's answer on the Spaaza wire: the results and the envelope's warnings. */
export interface AddBasketAnswer {
  readonly results: AddBasketResults;
  readonly warnings: SpaazaWarning[];
}

/** The answer to a basket stored now; the `user` sent is echoed even when it named no member. */
export function toAddBasketAnswer(
  request: AddBasketRequest,
  basket: StoredBasket,
  now: number,
): AddBasketAnswer {
  const priced = toPricedBasket(request.basket, basket, now);
  return {
    results: {
      ...(request.user ? { user: request.user } : {}),
      basket: { ...priced, basket_id: basket.basketId, retailer_basket_code: basket.basketCode },
      vouchers_redeemed: basket.redeemed.map((row) => toVoucherObject(row, now)),
      vouchers_created: basket.created.map((row) => toVoucherObject(row, now)),
      replayed: false,
    },
    warnings: toWarnings(basket.warnings, basket.currency),
  };
}

/** The answer as it is kept with the stored basket. */
export function keptAnswerOf(answer: AddBasketAnswer): string {
  return JSON.stringify({ results: answer.results, warnings: answer.warnings });
}

/** The kept answer, given again to the same basket sent again. */
export function replayedAnswer(kept: string): AddBasketAnswer {
  const parsed: unknown = JSON.parse(kept);
  const shape = parseWith(
    addBasketResultsSchema,
    typeof parsed === 'object' && parsed !== null && 'results' in parsed ? parsed.results : null,
  );
  if (!shape.ok) throw new Error('a stored basket result no longer parses');
  const warnings =
    typeof parsed === 'object' &&
    parsed !== null &&
    'warnings' in parsed &&
    Array.isArray(parsed.warnings)
      ? parsed.warnings
      : [];
  return { results: { ...shape.value, replayed: true }, warnings: warnings.filter(isWarning) };
}

function isWarning(value: unknown): value is SpaazaWarning {
  return (
    typeof value === 'object' &&
    value !== null &&
    'name' in value &&
    'code' in value &&
    'description' in value
  );
}
