import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../db/schema';
import { faultLog } from '../../db/storage-fault-log';

export const DAY_MS = 86_400_000;

/** How long events (with their webhook deliveries and attempts) are kept by default. */
export const DEFAULT_EVENT_RETENTION_MS = 90 * DAY_MS;

/** Events removed per batch: one statement each for them, their deliveries and their attempts. */
export const PRUNE_BATCH_SIZE = 1000;

/** How often the pruner runs after its pass at start. */
export const PRUNE_INTERVAL_MS = 3_600_000;

export interface PruneOptions {
  /** Events per batch (each batch is its own transaction). */
  readonly batchSize?: number;
  /** Checked after each batch: once aborted, no further batch starts. */
  readonly signal?: AbortSignal;
}

/**
 * Deletes the events reported before `before` whose webhook deliveries have all finished
 * (delivered or failed; an event without deliveries counts as finished), with those deliveries
 * and their attempts. An event with a pending delivery stays, however old. Works in batches,
 * each its own transaction, until a batch comes back short; returns how many events went.
 */
export async function pruneEvents(
  db: Kysely<Database>,
  before: number,
  options: PruneOptions = {},
): Promise<number> {
  const batchSize = options.batchSize ?? PRUNE_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  let removed = 0;
  for (;;) {
    const count = await db.transaction().execute((trx) => pruneBatch(trx, before, batchSize));
    removed += count;
    if (count < batchSize || options.signal?.aborted) return removed;
    // better-sqlite3 answers synchronously: let requests in between batches
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

async function pruneBatch(db: Kysely<Database>, before: number, batchSize: number) {
  const rows = await db
    .selectFrom('events')
    .select('id')
    .where('reported_at', '<', before)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('webhook_deliveries')
            .select('webhook_deliveries.id')
            .whereRef('webhook_deliveries.event_id', '=', 'events.id')
            .where('webhook_deliveries.status', '=', 'pending'),
        ),
      ),
    )
    .limit(batchSize)
    .execute();
  if (rows.length === 0) return 0;
  const ids = rows.map((row) => row.id);
  // Children first (foreign keys are on). Deliveries never go back to pending and are only
  // queued with their event, so the ids read above stay prunable for this transaction.
  await db
    .deleteFrom('webhook_attempts')
    .where('delivery_id', 'in', (eb) =>
      eb.selectFrom('webhook_deliveries').select('id').where('event_id', 'in', ids),
    )
    .execute();
  await db.deleteFrom('webhook_deliveries').where('event_id', 'in', ids).execute();
  const deleted = await db.deleteFrom('events').where('id', 'in', ids).executeTakeFirst();
  return Number(deleted.numDeletedRows);
}

export interface EventPruner {
  /** Stops the timer, ends a pass in flight after its current batch, and waits for it. */
  stop(): Promise<void>;
}

/**
 * Prunes events older than `retentionMs` now and then every `intervalMs`. A failing pass is
 * logged and the next one tries again; a pass still running when the timer fires is not doubled.
 */
export function startEventPruner(
  db: Kysely<Database>,
  retentionMs: number,
  now: () => number,
  log: Logger,
  intervalMs: number = PRUNE_INTERVAL_MS,
): EventPruner {
  const faults = faultLog(log);
  const stopping = new AbortController();
  let inFlight: Promise<void> | undefined;

  const pass = () => {
    if (stopping.signal.aborted || inFlight) return;
    const before = now() - retentionMs;
    inFlight = pruneEvents(db, before, { signal: stopping.signal })
      .then((removed) => {
        if (removed > 0)
          log.info({ removed, before: new Date(before).toISOString() }, 'old events pruned');
      })
      .catch((error: unknown) => {
        faults.failed(error, {}, 'event pruning failed');
      })
      .finally(() => {
        inFlight = undefined;
      });
  };

  pass();
  const timer = setInterval(pass, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      stopping.abort();
      clearInterval(timer);
      await inFlight;
    },
  };
}
