import type { Database } from 'better-sqlite3';
import type { EngineOutcome } from '../engine-client';
import { readSyncCursor, writeSyncState } from '../store';
import type { Connectivity } from './connectivity';

export type BatchSendOutcome =
  | { readonly kind: 'done'; readonly sent: number }
  /** No usable answer: sent again on a later pass. */
  | { readonly kind: 'unavailable'; readonly sent: number; readonly message: string }
  /** The engine refused a batch (or lacks the call): tried again on a later pass. */
  | { readonly kind: 'refused'; readonly sent: number; readonly message: string };

export interface CursorBatches<Row, Answer> {
  readonly db: Database;
  readonly connectivity: Connectivity;
  readonly now: () => number;
  /** sync_state key of the position of the last row the engine acknowledged. */
  readonly cursorKey: string;
  /** The next rows after a position, oldest first, at most one batch. */
  readonly rowsAfter: (position: number) => readonly Row[];
  readonly positionOf: (row: Row) => number;
  readonly send: (rows: readonly Row[]) => Promise<EngineOutcome<Answer>>;
  /** Why an answer does not acknowledge the batch up to `last`; null when it does. */
  readonly shortOf?: (answer: Answer, last: Row) => string | null;
}

/**
 * Sends what the till holds after the engine's last acknowledged position, oldest first, in
 * batches. The position moves only on the engine's acknowledgement, so a batch whose answer was
 * lost is sent again: the engine must take a batch twice as once.
 */
export async function sendAfterCursor<Row, Answer>(
  batches: CursorBatches<Row, Answer>,
): Promise<BatchSendOutcome> {
  const { db, connectivity } = batches;
  let sent = 0;
  for (;;) {
    const rows = batches.rowsAfter(readSyncCursor(db, batches.cursorKey));
    const last = rows.at(-1);
    if (last === undefined) return { kind: 'done', sent };
    const outcome = await batches.send(rows);
    if (!outcome.ok) {
      const { message } = outcome.error;
      if (outcome.error.kind === 'unavailable') {
        connectivity.reportUnavailable();
        return { kind: 'unavailable', sent, message };
      }
      connectivity.reportAnswered();
      return { kind: 'refused', sent, message };
    }
    connectivity.reportAnswered();
    const short = batches.shortOf?.(outcome.value, last) ?? null;
    if (short !== null) return { kind: 'refused', sent, message: short };
    const position = batches.positionOf(last);
    writeSyncState(db, batches.cursorKey, String(position), new Date(batches.now()));
    sent += rows.length;
  }
}
