import type { SaleView } from '../../src-shared/till';
import { valueOf, type TestTill } from './till-harness';

/**
 * The open sale once its pricing has settled: `sale/current` asked again, as the sale screen
 * does, while the view says it is waiting for the engine (at most `timeoutMs`).
 */
export async function settledSale(till: TestTill, timeoutMs = 15_000): Promise<SaleView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = valueOf(await till.send('sale/current', {}));
    if (view.pricing.state === 'priced') return view;
    if (Date.now() > deadline)
      throw new Error(`sale ${view.basketCode} still waits for its price after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
