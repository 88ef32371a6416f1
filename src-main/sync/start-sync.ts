import type { Database } from 'better-sqlite3';
import type { TillLog } from '../log';
import type { EngineCalls } from '../engine-client';
import { retryOldestOutboxEntryNow } from '../store';
import { sendAuditChain } from './audit-sender';
import { reportConflicts } from './conflict-reporter';
import type { Connectivity } from './connectivity';
import { HONOUR_PAGE_SIZE, pullHonourVouchers, type FeedTrust } from './honour-sync';
import { sendOutbox, type OutboxDeps } from './outbox-sender';
import { BACKOFF_BASE_MS, backoffDelay, realSchedule, type Schedule } from './timers';
import { startWorker, type NextPass } from './worker';

/** While online: refresh the honour cache this often. */
export const HONOUR_REFRESH_MS = 30_000;
/** While online with an empty outbox (or a confirm sending its oldest entry): look again this often. */
export const OUTBOX_POLL_MS = 5_000;
/** After a pass that failed for a reason other than the network. */
export const RETRY_AFTER_FAULT_MS = 30_000;

export interface SyncOptions {
  readonly db: Database;
  readonly engine: Pick<
    EngineCalls,
    'syncHonourVouchers' | 'addBasket' | 'sendTillAudit' | 'reportSyncConflicts'
  >;
  /** `<store code>-<terminal id>`: whose audit chain the engine keeps. */
  readonly tillId: string;
  /** Probed by `syncNow()` when offline; the workers pause while it says offline. */
  readonly connectivity: Connectivity & { probeNow(): Promise<boolean> };
  readonly log: TillLog;
  /** The core's replay of a confirm that got no answer (its sale is still open). */
  readonly resumeConfirm: OutboxDeps['resumeConfirm'];
  readonly now?: () => number;
  readonly random?: () => number;
  readonly schedule?: Schedule;
  readonly honourPageSize?: number;
  /** Told when queued sales reached the engine (their receipts now say synced). */
  readonly onSynced?: () => void;
  /** The keys an honour-feed page must be signed with, and the till's chain. */
  readonly feed: FeedTrust;
}

export interface RunningSync {
  /** One full sync now (probing first when offline): cache down, then outbox and audit chain up; resolves when all are done. */
  syncNow(): Promise<void>;
  /** Stops both workers; resolves once an engine call in flight has been dealt with. */
  stop(): Promise<void>;
}

/** The honour-cache worker and the outbox worker; they start at once from what SQLite holds. */
export function startSync(options: SyncOptions): RunningSync {
  const now = options.now ?? Date.now;
  const schedule = options.schedule ?? realSchedule;
  const { db, engine, connectivity, log } = options;
  const random = options.random ?? Math.random;
  let stopping = false;
  // failed feed pulls in a row: a slow engine is asked less and less often, up to the refresh
  let honourFailures = 0;
  // the audit chain's last problem, logged once while it lasts rather than every pass
  let auditProblem: string | null = null;
  let conflictProblem: string | null = null;

  const honourPass = async (): Promise<NextPass> => {
    if (!connectivity.isOnline()) return 'when-woken';
    const pageSize = options.honourPageSize ?? HONOUR_PAGE_SIZE;
    const outcome = await pullHonourVouchers({
      db,
      engine,
      connectivity,
      now,
      pageSize,
      feed: options.feed,
    });
    honourFailures = outcome.kind === 'unavailable' ? honourFailures + 1 : 0;
    switch (outcome.kind) {
      case 'done':
        if (outcome.changes > 0) log.info({ changes: outcome.changes }, 'honour cache updated');
        return HONOUR_REFRESH_MS;
      case 'unavailable':
        log.warn(
          { attempts: honourFailures },
          `the honour cache was not updated: ${outcome.message}`,
        );
        return backoffDelay(honourFailures, random, BACKOFF_BASE_MS, HONOUR_REFRESH_MS);
      case 'failed':
        log.warn({}, `the honour cache was not updated: ${outcome.message}`);
        return RETRY_AFTER_FAULT_MS;
      case 'refused':
        log.error({}, `the honour cache was not updated: ${outcome.message}`);
        return RETRY_AFTER_FAULT_MS;
    }
  };
  const outboxPass = async (): Promise<NextPass> => {
    const outcome = await sendOutbox(
      {
        db,
        engine,
        connectivity,
        now,
        random,
        log,
        resumeConfirm: options.resumeConfirm,
      },
      () => stopping,
    );
    if (outcome.sent > 0) {
      log.info({ sent: outcome.sent }, 'queued sales synced');
      options.onSynced?.();
    }
    if (connectivity.isOnline() && !stopping) await conflictPass();
    if (connectivity.isOnline() && !stopping) await auditPass();
    switch (outcome.kind) {
      case 'empty':
      case 'busy':
        return OUTBOX_POLL_MS;
      case 'offline':
        return 'when-woken';
      case 'waiting':
        return Math.max(0, outcome.until - now());
    }
  };

  /** The conflicts the sales' sync found go up right after them, for the store's managers. */
  const conflictPass = async (): Promise<void> => {
    const outcome = await reportConflicts({
      db,
      engine,
      connectivity,
      now,
      tillId: options.tillId,
    });
    if (outcome.sent > 0)
      log.info({ reported: outcome.sent }, 'sync conflicts reported to the engine');
    const problem = outcome.kind === 'done' ? null : outcome.message;
    if (problem !== null && problem !== conflictProblem)
      log.warn({}, `the sync conflicts were not reported; trying again later: ${problem}`);
    conflictProblem = problem;
  };

  /** The audit entries the engine does not hold yet go up with the sales, after them. */
  const auditPass = async (): Promise<void> => {
    const outcome = await sendAuditChain({ db, engine, connectivity, now, tillId: options.tillId });
    if (outcome.sent > 0) log.info({ sent: outcome.sent }, 'audit entries sent to the engine');
    const problem = outcome.kind === 'done' ? null : outcome.message;
    if (problem !== null && problem !== auditProblem) {
      if (outcome.kind === 'refused')
        log.error({}, `the engine refused the audit chain: ${problem}`);
      else log.warn({}, `the audit chain was not sent; trying again later: ${problem}`);
    }
    auditProblem = problem;
  };

  const common = { log, schedule, retryAfterFaultMs: RETRY_AFTER_FAULT_MS };
  const honour = startWorker({ name: 'honour-cache', pass: honourPass, ...common });
  const outbox = startWorker({ name: 'outbox', pass: outboxPass, ...common });
  const unsubscribe = connectivity.onChange((online) => {
    if (!online) return;
    // a backoff grown while the engine was away would hold every queued sale behind the oldest
    if (retryOldestOutboxEntryNow(db, new Date(now())))
      log.info({}, 'the engine is back: the oldest queued sale is sent at once');
    honour.wake();
    outbox.wake();
  });

  return {
    syncNow: async () => {
      if (!connectivity.isOnline()) await connectivity.probeNow();
      await honour.runNow();
      await outbox.runNow();
    },
    stop: async () => {
      stopping = true;
      unsubscribe();
      await Promise.all([honour.stop(), outbox.stop()]);
    },
  };
}
