import { randomUUID } from 'node:crypto';
import type { Executor } from '../../repo/vouchers';
import { DEFAULT_WEBHOOK_RETRY_MS } from '../webhooks/retry';
import type { EventType } from './types';

export { EVENT_TYPES, isEventType, type EventType } from './types';

export interface NewEvent {
  chainId: number;
  type: EventType;
  /** The member number the event is about, else the benefit's public id (or a basket code). */
  subject: string;
  /** Ids and amounts only, never names or other personal data. */
  payload: Record<string, unknown>;
  voucherId?: number | null;
  at: number;
}

/**
 * Records an event and queues one delivery per live webhook subscribed to its type, in the
 * caller's transaction: a change that rolls back reports nothing.
 */
export async function recordEvent(db: Executor, event: NewEvent): Promise<void> {
  const inserted = await db
    .insertInto('events')
    .values({
      chain_id: event.chainId,
      uuid: randomUUID(),
      type: event.type,
      subject: event.subject,
      payload_json: JSON.stringify(event.payload),
      voucher_id: event.voucherId ?? null,
      reported_at: event.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const webhooks = await db
    .selectFrom('webhooks')
    .select(['id', 'event_types'])
    .where('chain_id', '=', event.chainId)
    .where('disabled_at', 'is', null)
    .execute();
  const subscribed = webhooks.filter((webhook) => subscribes(webhook.event_types, event.type));
  if (subscribed.length === 0) return;
  await db
    .insertInto('webhook_deliveries')
    .values(
      subscribed.map((webhook) => ({
        webhook_id: webhook.id,
        event_id: inserted.id,
        status: 'pending' as const,
        attempts: 0,
        next_attempt_at: event.at,
        give_up_at: event.at + DEFAULT_WEBHOOK_RETRY_MS,
        created_at: event.at,
      })),
    )
    .execute();
}

/** `event_types` is `*` or a space-separated list of types. */
export function subscribes(eventTypes: string, type: EventType): boolean {
  const types = eventTypes.split(' ');
  return types.includes('*') || types.includes(type);
}
