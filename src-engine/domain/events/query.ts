import type { Kysely, Selectable } from 'kysely';
import type { Database, EventTable } from '../../db/schema';
import { iso } from '../../../src-shared/wire';
import type { EventType } from './types';

/** `GET /events` (docs/wll-face.md, "Events"): filters by type and subject, then pages, ordered by id. */
export interface EventsQuery {
  readonly type?: EventType | undefined;
  readonly subject?: string | undefined;
  readonly limit: number;
  readonly skip: number;
  readonly order: 'ASC' | 'DESC';
}

export interface WllEvent {
  readonly id: string;
  readonly type: string;
  readonly subject: string;
  readonly payload: unknown;
  readonly reportedAt: string;
}

export function toWllEvent(row: Selectable<EventTable>): WllEvent {
  return {
    id: row.uuid,
    type: row.type,
    subject: row.subject,
    payload: JSON.parse(row.payload_json),
    reportedAt: iso(row.reported_at),
  };
}

export async function listEvents(
  db: Kysely<Database>,
  chainId: number,
  query: EventsQuery,
): Promise<WllEvent[]> {
  let select = db.selectFrom('events').selectAll().where('chain_id', '=', chainId);
  if (query.type !== undefined) select = select.where('type', '=', query.type);
  if (query.subject !== undefined) select = select.where('subject', '=', query.subject);
  const rows = await select
    .orderBy('id', query.order === 'ASC' ? 'asc' : 'desc')
    .limit(query.limit)
    .offset(query.skip)
    .execute();
  return rows.map(toWllEvent);
}

export async function eventByUuid(
  db: Kysely<Database>,
  chainId: number,
  uuid: string,
): Promise<WllEvent | undefined> {
  const row = await db
    .selectFrom('events')
    .selectAll()
    .where('chain_id', '=', chainId)
    .where('uuid', '=', uuid.toLowerCase())
    .executeTakeFirst();
  return row && toWllEvent(row);
}
