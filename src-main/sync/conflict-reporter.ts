import type { Database } from 'better-sqlite3';
import { CONFLICT_REPORT_MAX, type EngineCalls } from '../engine-client';
import { conflictsAfter, readSyncCursor } from '../store';
import type { Connectivity } from './connectivity';
import { sendAfterCursor, type BatchSendOutcome } from './cursor-batches';

/** sync_state key: the id of the last local conflict the engine acknowledged keeping. */
export const CONFLICTS_REPORTED_KEY = 'conflicts_reported_id';

export interface ConflictReportDeps {
  readonly db: Database;
  readonly engine: Pick<EngineCalls, 'reportSyncConflicts'>;
  readonly connectivity: Connectivity;
  readonly now: () => number;
  /** `<store code>-<terminal id>`: the till that found them. */
  readonly tillId: string;
}

export type ConflictReportOutcome = BatchSendOutcome;

/** The id of the last conflict the engine acknowledged; 0 before the first. */
export function conflictsReportedId(db: Database): number {
  return readSyncCursor(db, CONFLICTS_REPORTED_KEY);
}

/**
 * Reports the conflicts this till's sync recorded that the engine has not acknowledged, oldest
 * first, so that a manager at any terminal of the store sees them. The cursor moves only on the
 * engine's answer; a report whose answer was lost is sent again, and the engine keeps each
 * conflict once per basket and voucher (docs/spaaza-wire.md, "Our additions").
 */
export function reportConflicts(deps: ConflictReportDeps): Promise<ConflictReportOutcome> {
  return sendAfterCursor({
    ...deps,
    cursorKey: CONFLICTS_REPORTED_KEY,
    rowsAfter: (id) => conflictsAfter(deps.db, id, CONFLICT_REPORT_MAX),
    positionOf: (conflict) => conflict.id,
    send: (found) =>
      deps.engine.reportSyncConflicts({
        tillId: deps.tillId,
        conflicts: found.map((conflict) => ({ ...conflict, occurredAt: conflict.createdAt })),
      }),
  });
}
