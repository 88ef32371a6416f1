import type { Database } from 'better-sqlite3';
import { AUDIT_BATCH_MAX, type EngineCalls } from '../engine-client';
import { auditEntriesAfter, readSyncCursor } from '../store';
import type { Connectivity } from './connectivity';
import { sendAfterCursor, type BatchSendOutcome } from './cursor-batches';

/** sync_state key: the last seq of the audit chain the engine acknowledged holding. */
export const AUDIT_SENT_KEY = 'audit_sent_seq';

export interface AuditSendDeps {
  readonly db: Database;
  readonly engine: Pick<EngineCalls, 'sendTillAudit'>;
  readonly connectivity: Connectivity;
  readonly now: () => number;
  /** `<store code>-<terminal id>`: the till whose chain this is. */
  readonly tillId: string;
}

export type AuditSendOutcome = BatchSendOutcome;

/** The seq of the last entry the engine acknowledged; 0 before the first. */
export function auditSentSeq(db: Database): number {
  return readSyncCursor(db, AUDIT_SENT_KEY);
}

/**
 * Sends the audit entries the engine has not acknowledged, oldest first, in batches, each
 * continuing the chain the engine holds for this till. The cursor moves only on the engine's
 * acknowledgement; a batch whose answer was lost is sent again, and the engine takes it as the
 * rows it holds. Sales never wait for this: it runs after the outbox.
 */
export function sendAuditChain(deps: AuditSendDeps): Promise<AuditSendOutcome> {
  return sendAfterCursor({
    ...deps,
    cursorKey: AUDIT_SENT_KEY,
    rowsAfter: (seq) => auditEntriesAfter(deps.db, seq, AUDIT_BATCH_MAX),
    positionOf: (entry) => entry.seq,
    send: (entries) => deps.engine.sendTillAudit({ tillId: deps.tillId, links: entries }),
    shortOf: (held, last) =>
      held.headSeq < last.seq
        ? `the engine acknowledged the audit chain up to seq ${held.headSeq}, not ${last.seq}`
        : null,
  });
}
