import type { Kysely } from 'kysely';

/**
 * Event retention (domain/events/retention.ts): old events are found by their time, and the
 * deliveries of an event by the event — also the lookup behind the foreign-key check of every
 * deleted event, which without this index scans all deliveries once per event.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('events_reported_at').on('events').column('reported_at').execute();
  await db.schema
    .createIndex('webhook_deliveries_event')
    .on('webhook_deliveries')
    .column('event_id')
    .execute();
}
