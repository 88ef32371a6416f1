import { iso } from '../../src-shared/wire';
import type { StoredEvent } from '../domain/events/query';

/** An event on the WLL face (docs/wll-face.md, "Events"): its payload as it was recorded. */
export interface WllEvent {
  readonly id: string;
  readonly type: string;
  readonly subject: string;
  readonly payload: unknown;
  readonly reportedAt: string;
}

export function toWllEvent(row: StoredEvent): WllEvent {
  return {
    id: row.uuid,
    type: row.type,
    subject: row.subject,
    payload: JSON.parse(row.payload_json),
    reportedAt: iso(row.reported_at),
  };
}
