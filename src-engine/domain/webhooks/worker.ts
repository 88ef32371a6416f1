import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../db/schema';
import { faultLog } from '../../db/storage-fault-log';
import { attempt, type AttemptTarget } from './attempt';
import type { DestinationPolicy } from './destination';
import { retryDelay, type WebhookSettings } from './settings';

/** At most this many deliveries are on their way at once from one engine process. */
const MAX_IN_FLIGHT = 16;

/**
 * At most this many of them go to one webhook, so a slow or dead receiver holds at most these
 * slots (each until its timeout) and the other receivers keep getting their events.
 */
const MAX_IN_FLIGHT_PER_WEBHOOK = 2;

/**
 * At most this many go to the webhooks of one chain, so a chain with many dead receivers (each
 * holding its two slots until the timeout) cannot take every slot.
 */
const MAX_IN_FLIGHT_PER_CHAIN = MAX_IN_FLIGHT / 2;

/**
 * This many slots are kept for chains with nothing on their way: a chain that already has sends in
 * flight takes another slot only while more are free. So however many chains have dead
 * receivers, those chains together leave these slots to the others, whose events still go out
 * at the next poll.
 */
const KEPT_FOR_IDLE_CHAINS = 4;

/**
 * A claimed delivery is not due again until the attempt is recorded, or — if this process died
 * or stopped meanwhile — until the lease is over, when another engine process may take it.
 */
const LEASE_MARGIN_MS = 30_000;

export interface DeliveryWorker {
  /** Stops polling, abandons the sends on their way (their leases hand them back) and waits for them. */
  stop(): Promise<void>;
}

interface Due {
  readonly id: number;
  readonly webhook_id: number;
  readonly chain_id: number;
  readonly next_attempt_at: number;
}

interface Claimed extends AttemptTarget {
  readonly id: number;
  /** The claim's next_attempt_at: while it is still there, no other process has taken the delivery. */
  readonly lease: number;
  readonly attempts: number;
  readonly give_up_at: number;
  readonly webhook_uuid: string;
}

/**
 * Sends the outbox: polls due pending deliveries, claims each with a compare-and-set (so two
 * engine processes on one database never send the same attempt), POSTs the signed event to an
 * address the destination policy allows, records the attempt (why one failed goes to the log),
 * and schedules a retry with backoff until the delivery's deadline. It runs apart from
 * requests: a slow or failing receiver never holds up the change that caused the event.
 */
export function startDeliveryWorker(
  db: Kysely<Database>,
  settings: WebhookSettings,
  destinations: DestinationPolicy,
  now: () => number,
  log: Logger,
): DeliveryWorker {
  const faults = faultLog(log);
  const inFlight = new Set<Promise<void>>();
  const inFlightPerWebhook = new Map<number, number>();
  const inFlightPerChain = new Map<number, number>();
  const stopping = new AbortController();
  /** A function, not the property: stop() may be called while a poll awaits the database. */
  const stopped = () => stopping.signal.aborted;
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> = Promise.resolve();
  let running = false;
  /** A send finished while a poll ran, and the poll had left due deliveries behind. */
  let pollAgain = false;
  /** The last poll left due deliveries behind for want of a free slot. */
  let backlog = false;

  const poll = () => {
    if (stopping.signal.aborted) return;
    if (running) {
      pollAgain = true;
      return;
    }
    clearTimeout(timer);
    running = true;
    ticking = tick()
      .catch((error: unknown) => {
        faults.failed(error, {}, 'webhook delivery poll failed');
      })
      .finally(() => {
        running = false;
        if (pollAgain) {
          pollAgain = false;
          poll();
        } else schedule();
      });
  };

  const schedule = () => {
    if (stopping.signal.aborted) return;
    timer = setTimeout(poll, settings.pollMs);
  };

  /** How many sends a chain may have in flight now: one only, once the kept slots are all that is free. */
  const chainCap = () =>
    MAX_IN_FLIGHT - inFlight.size > KEPT_FOR_IDLE_CHAINS ? MAX_IN_FLIGHT_PER_CHAIN : 1;

  const full = (row: Due) =>
    (inFlightPerWebhook.get(row.webhook_id) ?? 0) >= MAX_IN_FLIGHT_PER_WEBHOOK ||
    (inFlightPerChain.get(row.chain_id) ?? 0) >= chainCap();

  const tick = async () => {
    backlog = false;
    const room = MAX_IN_FLIGHT - inFlight.size;
    if (room <= 0) {
      backlog = true;
      return;
    }
    const at = now();
    const busyWebhooks = atCap(inFlightPerWebhook, MAX_IN_FLIGHT_PER_WEBHOOK);
    const busyChains = atCap(inFlightPerChain, chainCap());
    let query = db
      .selectFrom('webhook_deliveries')
      .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
      .select([
        'webhook_deliveries.id',
        'webhook_deliveries.webhook_id',
        'webhooks.chain_id',
        'webhook_deliveries.next_attempt_at',
      ])
      .where('webhook_deliveries.status', '=', 'pending')
      .where('webhook_deliveries.next_attempt_at', '<=', at)
      .where('webhooks.disabled_at', 'is', null);
    if (busyWebhooks.length > 0)
      query = query.where('webhook_deliveries.webhook_id', 'not in', busyWebhooks);
    if (busyChains.length > 0) query = query.where('webhooks.chain_id', 'not in', busyChains);
    const due: Due[] = await query
      .orderBy('webhook_deliveries.next_attempt_at')
      .orderBy('webhook_deliveries.id')
      .limit(room)
      .execute();
    if (due.length === room) backlog = true;
    for (const row of due) {
      if (stopped()) return;
      if (full(row)) {
        backlog = true;
        continue;
      }
      const claimed = await claim(db, settings, row, at);
      // stopped during the claim: not sent and no attempt recorded; the lease hands it back
      if (stopped()) return;
      if (!claimed) continue;
      send(row, claimed);
    }
  };

  const send = (row: Due, claimed: Claimed) => {
    countUp(inFlightPerWebhook, row.webhook_id);
    countUp(inFlightPerChain, row.chain_id);
    const sending: Promise<void> = deliver(
      db,
      settings,
      destinations,
      claimed,
      now,
      log,
      stopping.signal,
    )
      .catch((error: unknown) => {
        faults.failed(error, { delivery: claimed.id }, 'webhook delivery failed to record');
      })
      .finally(() => {
        inFlight.delete(sending);
        countDown(inFlightPerWebhook, row.webhook_id);
        countDown(inFlightPerChain, row.chain_id);
        // a freed slot takes what the last poll had to leave, without waiting for the next poll
        if (backlog) poll();
      });
    inFlight.add(sending);
  };

  schedule();
  return {
    stop: async () => {
      stopping.abort();
      clearTimeout(timer);
      await ticking;
      await Promise.all([...inFlight]);
    },
  };
}

/** The keys (webhooks, chains) whose sends in flight have reached their cap. */
function atCap(sending: ReadonlyMap<number, number>, cap: number): number[] {
  return [...sending].filter(([, count]) => count >= cap).map(([key]) => key);
}

function countUp(sending: Map<number, number>, key: number): void {
  sending.set(key, (sending.get(key) ?? 0) + 1);
}

function countDown(sending: Map<number, number>, key: number): void {
  const left = (sending.get(key) ?? 1) - 1;
  if (left > 0) sending.set(key, left);
  else sending.delete(key);
}

/** Takes the delivery if nobody else did since it was read; only then is it sent. */
async function claim(
  db: Kysely<Database>,
  settings: WebhookSettings,
  row: Due,
  at: number,
): Promise<Claimed | undefined> {
  const lease = at + settings.timeoutMs + LEASE_MARGIN_MS;
  const taken = await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      next_attempt_at: lease,
      // the configured retry period applies from the event, whatever deadline it was queued with
      give_up_at: eb('created_at', '+', settings.retryForMs),
    }))
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '=', row.next_attempt_at)
    .executeTakeFirst();
  if (taken.numUpdatedRows !== 1n) return undefined;
  const delivery = await db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
    .innerJoin('events', 'events.id', 'webhook_deliveries.event_id')
    .select([
      'webhook_deliveries.id',
      'webhook_deliveries.attempts',
      'webhook_deliveries.give_up_at',
      'webhooks.uuid as webhook_uuid',
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
  return delivery && { ...delivery, lease };
}

async function deliver(
  db: Kysely<Database>,
  settings: WebhookSettings,
  destinations: DestinationPolicy,
  delivery: Claimed,
  now: () => number,
  log: Logger,
  stopping: AbortSignal,
): Promise<void> {
  const outcome = await attempt(delivery, destinations, settings.timeoutMs, now, stopping);
  // abandoned by stop(): not the receiver's failure; the lease hands it to a later run
  if (outcome === undefined) return;
  if (outcome.detail !== null)
    log.warn(
      {
        webhook: delivery.webhook_uuid,
        event: delivery.event_uuid,
        url: delivery.url,
        status_code: outcome.statusCode,
        reason: outcome.detail,
        final: outcome.verdict === 'final',
      },
      'webhook delivery attempt failed',
    );
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('webhook_attempts')
      .values({
        delivery_id: delivery.id,
        at: outcome.at,
        status_code: outcome.statusCode,
        // the neutral outcome only: the detail went to the log above
        error: outcome.verdict === 'delivered' ? null : outcome.outcome,
        duration_ms: outcome.durationMs,
      })
      .execute();
    const finished = now();
    const next = Math.min(
      finished + retryDelay(settings, delivery.attempts + 1),
      delivery.give_up_at,
    );
    const state =
      outcome.verdict === 'delivered'
        ? ({ status: 'delivered', delivered_at: finished } as const)
        : outcome.verdict === 'final' || finished >= delivery.give_up_at
          ? ({ status: 'failed' } as const)
          : { next_attempt_at: next };
    const recorded = await trx
      .updateTable('webhook_deliveries')
      .set((eb) => ({ ...state, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', delivery.id)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '=', delivery.lease)
      .executeTakeFirst();
    if (recorded.numUpdatedRows === 1n) return;
    // The webhook was disabled meanwhile, or the lease ran out before this attempt was recorded:
    // then another process may have claimed the delivery and be sending it now, and its own
    // outcome decides the delivery's state, not this stale one. This attempt still happened: it
    // is kept above and counted.
    await trx
      .updateTable('webhook_deliveries')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', delivery.id)
      .execute();
  });
}
