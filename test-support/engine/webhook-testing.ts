import type { WebhookSettings } from '../../src-engine/domain/webhooks/settings';
import { isRecord, type Answer } from './client';
import type { CapturedLog } from './log-capture';

/** What the webhook suites share: quick delivery timing, their wait, and readers of answers and logs. */

/** Polls and retries quickly, so a test sees a delivery's attempts within moments. */
export const FAST_DELIVERY: Partial<WebhookSettings> = {
  pollMs: 10,
  baseDelayMs: 20,
  maxDelayMs: 80,
  timeoutMs: 2000,
  retryForMs: 60_000,
};

/** How long a test waits for a delivery (vi.waitFor's options). */
export const DELIVERY_WAIT = { timeout: 15_000, interval: 20 };

export function resultsOf(answer: Answer): Record<string, unknown> {
  const results = answer.body.results;
  if (!isRecord(results)) throw new Error(`no results in ${JSON.stringify(answer.body)}`);
  return results;
}

export function errorOf(answer: Answer): { name: unknown; description: string } {
  const error = answer.body.error;
  return isRecord(error)
    ? { name: error.name, description: String(error.description) }
    : { name: null, description: '' };
}

/** Why the engine's log says each failed attempt to `url` failed, in order. */
export function failureReasons(captured: CapturedLog, url: string): unknown[] {
  return captured.entries
    .filter((entry) => entry.msg === 'webhook delivery attempt failed' && entry.url === url)
    .map((entry) => entry.reason);
}
