import { DEFAULT_WEBHOOK_RETRY_MS } from './retry';

/** Where webhooks may go, and how the delivery worker polls, waits for receivers and backs off. */
export interface WebhookSettings {
  /** Plain http receivers are allowed too; otherwise https only. */
  readonly allowHttp: boolean;
  /**
   * Hosts, addresses and networks (CIDR) webhooks may be sent to even when they are loopback,
   * private or otherwise inward (docs/security.md, "Webhooks"); empty by default.
   */
  readonly allowHosts: readonly string[];
  /** How often due deliveries are looked for. */
  readonly pollMs: number;
  /** How long after its event a failing delivery is retried before it is given up. */
  readonly retryForMs: number;
  /** The first retry's delay; each further one doubles it, up to maxDelayMs, with jitter. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** How long one attempt waits for the receiver's answer. */
  readonly timeoutMs: number;
}

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  allowHttp: false,
  allowHosts: [],
  pollMs: 1000,
  retryForMs: DEFAULT_WEBHOOK_RETRY_MS,
  baseDelayMs: 10_000,
  maxDelayMs: 3_600_000,
  timeoutMs: 5000,
};

/**
 * The delay before retry number `failures` (1 = after the first failed attempt): exponential,
 * capped, with "full jitter" over its upper half so that receivers coming back are not hit by
 * every queued delivery at once.
 */
export function retryDelay(
  settings: Pick<WebhookSettings, 'baseDelayMs' | 'maxDelayMs'>,
  failures: number,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
