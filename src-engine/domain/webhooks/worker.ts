import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../db/schema';
import { retryDelay, type WebhookSettings } from './settings';
import { deliveryBody, EVENT_ID_HEADER, SIGNATURE_HEADER, signBody } from './signature';

/** At most this many deliveries are on their way at once, so one slow receiver cannot hold up the rest. */
const MAX_IN_FLIGHT = 16;

/**
 * A claimed delivery is not due again until the attempt is recorded, or — if this process died
 * meanwhile — until the lease is over, when another engine process may take it.
 */
const LEASE_MARGIN_MS = 30_000;

export interface DeliveryWorker {
  /** Stops polling and waits for the deliveries on their way. */
  stop(): Promise<void>;
}

interface Claimed {
  readonly id: number;
  readonly attempts: number;
  readonly give_up_at: number;
  readonly url: string;
  readonly secret: string;
  readonly event_uuid: string;
  readonly type: string;
  readonly subject: string;
  readonly payload_json: string;
  readonly reported_at: number;
}

interface Outcome {
  readonly at: number;
  readonly statusCode: number | null;
  readonly error: string | null;
  readonly durationMs: number;
}

/**
 * Sends the outbox: polls due pending deliveries, claims each with a compare-and-set (so two
 * engine processes on one database never send the same attempt), POSTs the signed event, records
 * the attempt, and schedules a retry with backoff until the delivery's deadline. It runs apart
 * from requests: a slow or failing receiver never holds up the change that caused the event.
 */
export function startDeliveryWorker(
  db: Kysely<Database>,
  settings: WebhookSettings,
  now: () => number,
  log: Logger,
): DeliveryWorker {
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> = Promise.resolve();

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      ticking = tick()
        .catch((error: unknown) => {
          log.error({ err: error }, 'webhook delivery poll failed');
        })
        .finally(schedule);
    }, settings.pollMs);
  };

  const tick = async () => {
    const room = MAX_IN_FLIGHT - inFlight.size;
    if (room <= 0) return;
    const at = now();
    const due = await db
      .selectFrom('webhook_deliveries')
      .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
      .select(['webhook_deliveries.id', 'webhook_deliveries.next_attempt_at'])
      .where('webhook_deliveries.status', '=', 'pending')
      .where('webhook_deliveries.next_attempt_at', '<=', at)
      .where('webhooks.disabled_at', 'is', null)
      .orderBy('webhook_deliveries.next_attempt_at')
      .orderBy('webhook_deliveries.id')
      .limit(room)
      .execute();
    for (const row of due) {
      if (stopped) return;
      const claimed = await claim(db, settings, row, at);
      if (!claimed) continue;
      const sending: Promise<void> = deliver(db, settings, claimed, now)
        .catch((error: unknown) => {
          log.error({ err: error, delivery: claimed.id }, 'webhook delivery failed to record');
        })
        .finally(() => {
          inFlight.delete(sending);
        });
      inFlight.add(sending);
    }
  };

  schedule();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await ticking;
      await Promise.all([...inFlight]);
    },
  };
}

/** Takes the delivery if nobody else did since it was read; only then is it sent. */
async function claim(
  db: Kysely<Database>,
  settings: WebhookSettings,
  row: { id: number; next_attempt_at: number },
  at: number,
): Promise<Claimed | undefined> {
  const taken = await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      next_attempt_at: at + settings.timeoutMs + LEASE_MARGIN_MS,
      // the configured retry period applies from the event, whatever deadline it was queued with
      give_up_at: eb('created_at', '+', settings.retryForMs),
    }))
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '=', row.next_attempt_at)
    .executeTakeFirst();
  if (taken.numUpdatedRows !== 1n) return undefined;
  return db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
    .innerJoin('events', 'events.id', 'webhook_deliveries.event_id')
    .select([
      'webhook_deliveries.id',
      'webhook_deliveries.attempts',
      'webhook_deliveries.give_up_at',
      'webhooks.url',
      'webhooks.secret',
      'events.uuid as event_uuid',
      'events.type',
      'events.subject',
      'events.payload_json',
      'events.reported_at',
    ])
    .where('webhook_deliveries.id', '=', row.id)
    .executeTakeFirst();
}

async function deliver(
  db: Kysely<Database>,
  settings: WebhookSettings,
  delivery: Claimed,
  now: () => number,
): Promise<void> {
  const outcome = await post(delivery, settings.timeoutMs, now);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('webhook_attempts')
      .values({
        delivery_id: delivery.id,
        at: outcome.at,
        status_code: outcome.statusCode,
        error: outcome.error,
        duration_ms: outcome.durationMs,
      })
      .execute();
    const attempts = delivery.attempts + 1;
    const ok = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
    const finished = now();
    const next = Math.min(finished + retryDelay(settings, attempts), delivery.give_up_at);
    await trx
      .updateTable('webhook_deliveries')
      .set(
        ok
          ? { status: 'delivered', attempts, delivered_at: finished }
          : finished >= delivery.give_up_at
            ? { status: 'failed', attempts }
            : { attempts, next_attempt_at: next },
      )
      .where('id', '=', delivery.id)
      .where('status', '=', 'pending')
      .execute();
  });
}

/** One attempt: the signed POST, its answer's status or why there was none. */
async function post(delivery: Claimed, timeoutMs: number, now: () => number): Promise<Outcome> {
  const body = deliveryBody(delivery);
  const at = now();
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [EVENT_ID_HEADER]: delivery.event_uuid,
        [SIGNATURE_HEADER]: signBody(delivery.secret, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    statusCode = response.status;
    await response.body?.cancel();
  } catch (failure) {
    error = describeFailure(failure, timeoutMs);
  }
  return { at, statusCode, error, durationMs: Math.round(performance.now() - started) };
}

function describeFailure(failure: unknown, timeoutMs: number): string {
  if (failure instanceof Error && failure.name === 'TimeoutError')
    return `no answer within ${timeoutMs} ms`;
  if (failure instanceof Error) {
    const cause = failure.cause instanceof Error ? `: ${failure.cause.message}` : '';
    return `${failure.message}${cause}`.slice(0, 500);
  }
  return String(failure).slice(0, 500);
}
