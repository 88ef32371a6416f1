import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { Database, EventTable } from '../../db/schema';
import { EVENT_TYPES, isEventType } from './types';

/** `GET /events` (wll-api.md §5.3 list conventions): filters, offset/limit, order by id. */
export const eventsQueryFields = z.object({
  type: z
    .string()
    .trim()
    .transform((value) => value.toUpperCase())
    .refine(isEventType, `must be one of ${EVENT_TYPES.join(', ')}`)
    .optional(),
  subject: z
    .string()
    .min(1, 'must not be empty')
    .max(128, 'must be at most 128 characters')
    .optional(),
  limit: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .default(100),
  skip: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be at least 0')
    .max(Number.MAX_SAFE_INTEGER, 'is too large')
    .default(0),
  order: z
    .string()
    .transform((value) => value.toUpperCase())
    .pipe(z.enum(['ASC', 'DESC'], { error: 'must be ASC or DESC' }))
    .default('DESC'),
});

export type EventsQuery = z.output<typeof eventsQueryFields>;

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
    reportedAt: new Date(row.reported_at).toISOString(),
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
