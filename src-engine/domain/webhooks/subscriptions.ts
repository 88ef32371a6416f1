import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { iso, isoOrNull } from '../../../src-shared/wire/datetime';
import type { Database, WebhookTable } from '../../db/schema';
import { ok } from '../../../src-shared/result';
import { inTransaction } from '../../db/transaction';
import type { Executor } from '../../repo/vouchers';
import { refuse, type Outcome } from '../refusal';
import { outcomeOf, type AttemptOutcome } from './outcomes';
import { newSecret } from './signature';

/*
 * A chain's webhook subscriptions: a URL, the event types it wants (or `*`) and the secret its
 * deliveries are signed with. Disabling keeps the row and its delivery history.
 */

export interface WebhookView {
  readonly id: string;
  readonly url: string;
  readonly event_types: string[];
  readonly created_at: string;
  readonly disabled_at: string | null;
}

export interface NewWebhook {
  readonly url: string;
  /** Known event types, or `['*']`. */
  readonly eventTypes: readonly string[];
  /** A `whsec_` secret (signature.ts checks one given at registration); generated when absent. */
  readonly secret?: string | undefined;
}

function toView(row: Selectable<WebhookTable>): WebhookView {
  return {
    id: row.uuid,
    url: row.url,
    event_types: row.event_types.split(' '),
    created_at: iso(row.created_at),
    disabled_at: isoOrNull(row.disabled_at),
  };
}

/** Registers a webhook; the answer carries its secret, shown this once. */
export async function createWebhook(
  db: Kysely<Database>,
  chainId: number,
  input: NewWebhook,
  now: number,
): Promise<WebhookView & { secret: string }> {
  const secret = input.secret ?? newSecret();
  const row = await db
    .insertInto('webhooks')
    .values({
      chain_id: chainId,
      uuid: randomUUID(),
      url: input.url,
      event_types: input.eventTypes.join(' '),
      secret,
      created_at: now,
      disabled_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...toView(row), secret };
}

export async function listWebhooks(db: Kysely<Database>, chainId: number): Promise<WebhookView[]> {
  const rows = await db
    .selectFrom('webhooks')
    .selectAll()
    .where('chain_id', '=', chainId)
    .orderBy('id')
    .execute();
  return rows.map(toView);
}

async function webhookRow(
  db: Executor,
  chainId: number,
  uuid: string,
): Promise<Outcome<Selectable<WebhookTable>>> {
  const row = await db
    .selectFrom('webhooks')
    .selectAll()
    .where('chain_id', '=', chainId)
    .where('uuid', '=', uuid.toLowerCase())
    .executeTakeFirst();
  return row ? ok(row) : refuse('webhook_not_found', `no webhook ${uuid} in this chain`);
}

/**
 * Disables a webhook: no new deliveries are queued for it, and the pending ones are given up
 * (the worker also skips a disabled webhook's deliveries it had already read). Idempotent.
 */
export async function disableWebhook(
  db: Kysely<Database>,
  chainId: number,
  uuid: string,
  now: number,
): Promise<Outcome<WebhookView>> {
  return inTransaction(db, async (trx) => {
    const found = await webhookRow(trx, chainId, uuid);
    if (!found.ok) return found;
    const row = found.value;
    if (row.disabled_at !== null) return ok(toView(row));
    await trx.updateTable('webhooks').set({ disabled_at: now }).where('id', '=', row.id).execute();
    await trx
      .updateTable('webhook_deliveries')
      .set({ status: 'failed' })
      .where('webhook_id', '=', row.id)
      .where('status', '=', 'pending')
      .execute();
    return ok(toView({ ...row, disabled_at: now }));
  });
}

export interface DeliveryView {
  readonly event_id: string;
  readonly event_type: string;
  readonly status: string;
  readonly created_at: string;
  readonly next_attempt_at: string | null;
  readonly give_up_at: string;
  readonly delivered_at: string | null;
  /** Each attempt's time and neutral outcome; why one failed is in the engine's log only. */
  readonly attempts: {
    readonly at: string;
    readonly outcome: AttemptOutcome;
  }[];
}

/** A webhook's deliveries, newest first, each with its attempts in order. */
export async function deliveriesOf(
  db: Kysely<Database>,
  chainId: number,
  uuid: string,
  limit: number,
): Promise<Outcome<DeliveryView[]>> {
  const found = await webhookRow(db, chainId, uuid);
  if (!found.ok) return found;
  const webhook = found.value;
  const deliveries = await db
    .selectFrom('webhook_deliveries')
    .innerJoin('events', 'events.id', 'webhook_deliveries.event_id')
    .select([
      'webhook_deliveries.id',
      'webhook_deliveries.status',
      'webhook_deliveries.created_at',
      'webhook_deliveries.next_attempt_at',
      'webhook_deliveries.give_up_at',
      'webhook_deliveries.delivered_at',
      'events.uuid as event_uuid',
      'events.type',
    ])
    .where('webhook_deliveries.webhook_id', '=', webhook.id)
    .orderBy('webhook_deliveries.id', 'desc')
    .limit(limit)
    .execute();
  const ids = deliveries.map((delivery) => delivery.id);
  const attempts =
    ids.length === 0
      ? []
      : await db
          .selectFrom('webhook_attempts')
          .selectAll()
          .where('delivery_id', 'in', ids)
          .orderBy('id')
          .execute();
  return ok(
    deliveries.map((delivery) => ({
      event_id: delivery.event_uuid,
      event_type: delivery.type,
      status: delivery.status,
      created_at: iso(delivery.created_at),
      next_attempt_at: delivery.status === 'pending' ? iso(delivery.next_attempt_at) : null,
      give_up_at: iso(delivery.give_up_at),
      delivered_at: isoOrNull(delivery.delivered_at),
      attempts: attempts
        .filter((attempt) => attempt.delivery_id === delivery.id)
        .map((attempt) => ({ at: iso(attempt.at), outcome: outcomeOf(attempt) })),
    })),
  );
}
