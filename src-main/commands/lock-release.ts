import { newSale } from '../sale/sale-state';
import { forgetLocksToRelease, locksToRelease } from '../store';
import type { CoreContext } from './context';

export type Released = 'released' | 'unanswered' | 'refused';

/** Prices the basket empty under its own code: the engine releases every lock it holds for it. */
export async function releaseBasketLocks(
  context: CoreContext,
  basketCode: string,
): Promise<Released> {
  const outcome = await context.engine.getBasketPrice(
    newSale(basketCode, basketCode),
    context.config,
  );
  if (outcome.ok) return 'released';
  return outcome.error.kind === 'unavailable' ? 'unanswered' : 'refused';
}

/**
 * Releases the locks of the sales closed while the engine could not be told (a void offline),
 * and forgets each the engine answered for; stops at the first one it gets no answer for. A
 * sale whose own pricing is still in flight is left to that pricing's answer.
 */
export async function releaseLeftLocks(
  context: CoreContext,
  pricingInFlight: (basketCode: string) => boolean,
): Promise<void> {
  for (const basketCode of locksToRelease(context.db)) {
    if (!context.connectivity.isOnline()) return;
    if (pricingInFlight(basketCode)) continue;
    const released = await releaseBasketLocks(context, basketCode);
    if (released === 'unanswered') {
      context.connectivity.reportUnavailable();
      return;
    }
    context.connectivity.reportAnswered();
    if (released === 'refused')
      context.log.warn({ basketCode }, "the engine refused to release a closed sale's locks");
    else context.log.info({ basketCode }, 'the locks of a closed sale were released');
    forgetLocksToRelease(context.db, basketCode);
  }
}
