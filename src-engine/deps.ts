import type { Logger } from 'pino';
import type { Db } from './db/connect';
import type { AttemptLimits } from './domain/attempt-limits';
import type { DestinationPolicy } from './domain/webhooks/destination';

/** What every route needs, passed in (no module-level singletons). */
export interface EngineDeps {
  readonly db: Db;
  readonly log: Logger;
  /** Milliseconds since the epoch; tests may substitute their own clock. */
  readonly now: () => number;
  readonly sessionSeconds: number;
  /** How hard logins and lookups may be tried (held in this process's memory). */
  readonly limits: AttemptLimits;
  /** Where webhooks may be registered and delivered to, with the resolver both use. */
  readonly webhookDestinations: DestinationPolicy;
}
