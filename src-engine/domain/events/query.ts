import type { Kysely, Selectable } from 'kysely';
import type { Database, EventTable } from '../../db/schema';
import type { EventType } from './types';

/** `GET /events` (docs/wll-face.md, "Events"): filters by type and subject, then pages, ordered by id. */
export interface EventsQuery {
  readonly type?: EventType | undefined;
  readonly subject?: string | undefined;
  readonly limit: number;
  readonly skip: number;
  readonly order: 'ASC' | 'DESC';
}

/** A stored event, as the events table keeps it. */
export type StoredEvent = Selectable<EventTable>;

export async function listEvents(
  db: Kysely<Database>,
  chainId: number,
  query: EventsQuery,
): Promise<StoredEvent[]> {
  let select = db.selectFrom('events').selectAll().where('chain_id', '=', chainId);
  if (query.type !== undefined) select = select.where('type', '=', query.type);
  if (query.subject !== undefined) select = select.where('subject', '=', query.subject);
  return select
    .orderBy('id', query.order === 'ASC' ? 'asc' : 'desc')
    .limit(query.limit)
    .offset(query.skip)
    .execute();
}

export async function eventByUuid(
  db: Kysely<Database>,
  chainId: number,
  uuid: string,
): Promise<StoredEvent | undefined> {
  return db
    .selectFrom('events')
    .selectAll()
    .where('chain_id', '=', chainId)
    .where('uuid', '=', uuid.toLowerCase())
    .executeTakeFirst();
}
