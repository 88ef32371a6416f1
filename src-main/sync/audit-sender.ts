import type { Database } from 'better-sqlite3';
import { AUDIT_BATCH_MAX, type EngineCalls } from '../engine-client';
import { auditEntriesAfter, readSyncCursor, writeSyncState } from '../store';
import type { Connectivity } from './connectivity';

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

export type AuditSendOutcome =
  | { readonly kind: 'done'; readonly sent: number }
  /** No usable answer: sent again on a later pass. */
  | { readonly kind: 'unavailable'; readonly sent: number; readonly message: string }
  /** The engine refused the chain (it does not continue the engine's copy) or lacks the call. */
  | { readonly kind: 'refused'; readonly sent: number; readonly message: string };

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
export async function sendAuditChain(deps: AuditSendDeps): Promise<AuditSendOutcome> {
  let sent = 0;
  for (;;) {
    const after = auditSentSeq(deps.db);
    const entries = auditEntriesAfter(deps.db, after, AUDIT_BATCH_MAX);
    const last = entries.at(-1);
    if (last === undefined) return { kind: 'done', sent };
    const outcome = await deps.engine.sendTillAudit({ tillId: deps.tillId, links: entries });
    if (!outcome.ok) {
      const { message } = outcome.error;
      if (outcome.error.kind === 'unavailable') {
        deps.connectivity.reportUnavailable();
        return { kind: 'unavailable', sent, message };
      }
      deps.connectivity.reportAnswered();
      return { kind: 'refused', sent, message };
    }
    deps.connectivity.reportAnswered();
    if (outcome.value.headSeq < last.seq)
      return {
        kind: 'refused',
        sent,
        message: `the engine acknowledged the audit chain up to seq ${outcome.value.headSeq}, not ${last.seq}`,
      };
    writeSyncState(deps.db, AUDIT_SENT_KEY, String(last.seq), new Date(deps.now()));
    sent += entries.length;
  }
}
