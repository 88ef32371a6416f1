import type { Database } from 'better-sqlite3';
import { CONFLICT_REPORT_MAX, type EngineCalls } from '../engine-client';
import { conflictsAfter, readSyncCursor, writeSyncState } from '../store';
import type { Connectivity } from './connectivity';

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

export type ConflictReportOutcome =
  | { readonly kind: 'done'; readonly reported: number }
  /** No usable answer: reported again on a later pass. */
  | { readonly kind: 'unavailable'; readonly reported: number; readonly message: string }
  /** The engine refused the report (or lacks the call): tried again on a later pass. */
  | { readonly kind: 'refused'; readonly reported: number; readonly message: string };

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
export async function reportConflicts(deps: ConflictReportDeps): Promise<ConflictReportOutcome> {
  let reported = 0;
  for (;;) {
    const found = conflictsAfter(deps.db, conflictsReportedId(deps.db), CONFLICT_REPORT_MAX);
    const last = found.at(-1);
    if (last === undefined) return { kind: 'done', reported };
    const outcome = await deps.engine.reportSyncConflicts({
      tillId: deps.tillId,
      conflicts: found.map((conflict) => ({ ...conflict, occurredAt: conflict.createdAt })),
    });
    if (!outcome.ok) {
      const { message } = outcome.error;
      if (outcome.error.kind === 'unavailable') {
        deps.connectivity.reportUnavailable();
        return { kind: 'unavailable', reported, message };
      }
      deps.connectivity.reportAnswered();
      return { kind: 'refused', reported, message };
    }
    deps.connectivity.reportAnswered();
    writeSyncState(deps.db, CONFLICTS_REPORTED_KEY, String(last.id), new Date(deps.now()));
    reported += found.length;
  }
}
