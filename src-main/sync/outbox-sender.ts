import type { Database } from 'better-sqlite3';
import type { TillLog } from '../log';
import {
  CARD_WARNING_CODES,
  SALE_WARNING_CODES,
  type EngineCalls,
  type EngineFailure,
  type EngineWarning,
  type RejectionReason,
  type StoredBasket,
} from '../engine-client';
import {
  claimInterruptedConfirm,
  deferOutboxEntry,
  findSale,
  markSaleSynced,
  oldestOutboxEntry,
  recordConflict,
  REJECTED_BY_ENGINE,
  removeOutboxEntry,
  UNREADABLE_OUTBOX_ENTRY,
  type OutboxEntry,
} from '../store';
import type { Connectivity } from './connectivity';
import { backoffDelay } from './timers';

export interface OutboxDeps {
  readonly db: Database;
  readonly engine: Pick<EngineCalls, 'addBasket'>;
  readonly connectivity: Connectivity;
  readonly now: () => number;
  /** In [0, 1): the jitter of the backoff. */
  readonly random: () => number;
  readonly log: TillLog;
  /** Sends an interrupted confirm (claimed: in flight) again and journals or voids its open sale. */
  readonly resumeConfirm: (entry: OutboxEntry) => Promise<ResumedConfirm>;
}

/** What became of an interrupted confirm: journaled from the engine's answer, refused (its sale is released), or still unanswered. */
export type ResumedConfirm = 'confirmed' | 'refused' | 'unanswered';

export type OutboxRunOutcome =
  | { readonly kind: 'empty'; readonly sent: number }
  | { readonly kind: 'offline'; readonly sent: number }
  /** The oldest entry is being sent by a confirm right now; the rest wait behind it. */
  | { readonly kind: 'busy'; readonly sent: number }
  /** The oldest entry waits for its next attempt (epoch ms); the rest wait behind it. */
  | { readonly kind: 'waiting'; readonly sent: number; readonly until: number };

/**
 * Warnings about the sale itself, not a voucher: a basket line, a charge the engine's pricing
 * does not explain, or a card the engine stored the sale without. The sale is delivered; the
 * warning is kept with it in the journal, no conflict.
 */
const NOT_A_VOUCHER_WARNING = new Set<EngineWarning['code']>([
  ...SALE_WARNING_CODES,
  ...CARD_WARNING_CODES,
]);

/** Refusals that sending the same request again cannot change. */
const FINAL_REFUSALS = new Set<RejectionReason>(['refused', 'not_found']);

/**
 * Sends the queued sales, oldest first and strictly in order, until the outbox is empty, the
 * till is offline, the oldest entry must wait for its retry (after any failed send), or a
 * confirm is sending it.
 * An entry leaves the outbox only in the transaction that records the engine's acknowledgement
 * (a replay counts) or parks it as a conflict; an interrupted confirm is finished by the core.
 */
export async function sendOutbox(
  deps: OutboxDeps,
  shouldStop: () => boolean = () => false,
): Promise<OutboxRunOutcome> {
  let sent = 0;
  for (;;) {
    const entry = oldestOutboxEntry(deps.db);
    if (!entry) return { kind: 'empty', sent };
    if (entry.state === 'in_flight') return { kind: 'busy', sent };
    if (!deps.connectivity.isOnline()) return { kind: 'offline', sent };
    const due = entry.nextAttemptAt.getTime();
    if (due > deps.now()) return { kind: 'waiting', sent, until: due };
    if (shouldStop()) return { kind: 'waiting', sent, until: deps.now() };
    if (entry.state === 'interrupted') {
      const claimed = claimInterruptedConfirm(deps.db, entry.basketCode);
      if (!claimed) continue;
      const resumed = await deps.resumeConfirm(claimed);
      if (resumed === 'unanswered')
        return defer(deps, claimed, 'the engine did not answer the interrupted confirm', sent);
      if (resumed === 'confirmed') sent += 1;
      continue;
    }
    if (!entry.request.ok) {
      park(
        deps,
        entry,
        UNREADABLE_OUTBOX_ENTRY,
        `The queued sale cannot be read: ${entry.request.error}`,
      );
      continue;
    }
    const outcome = await deps.engine.addBasket(entry.request.value, 'sync');
    if (outcome.ok) {
      deps.connectivity.reportAnswered();
      acknowledge(deps, entry, outcome.value, outcome.warnings);
      sent += 1;
      continue;
    }
    const failure = outcome.error;
    // no usable answer: the probe decides whether the engine is away or only slow
    if (failure.kind === 'unavailable') deps.connectivity.reportUnavailable();
    else deps.connectivity.reportAnswered();
    if (isFinalRefusal(failure)) {
      park(deps, entry, REJECTED_BY_ENGINE, failure.message);
      continue;
    }
    // a send that never reached the engine is no attempt: only the engine's answers grow the backoff
    const counted = failure.kind !== 'unavailable' || failure.cause !== 'no_connection';
    return defer(deps, entry, failure.message, sent, counted);
  }
}

/**
 * A failed attempt: the entry waits out its backoff, which grows with each counted attempt. A
 * sale whose answer was only late is resolved by the replay, never re-sent every few seconds.
 */
function defer(
  deps: OutboxDeps,
  entry: OutboxEntry,
  lastError: string,
  sent: number,
  counted = true,
): OutboxRunOutcome {
  const attempts = entry.attempts + (counted ? 1 : 0);
  const until = deps.now() + backoffDelay(attempts, deps.random);
  deferOutboxEntry(deps.db, entry.id, { nextAttemptAt: new Date(until), lastError, counted });
  deps.log.warn(
    { basketCode: entry.basketCode, attempts, retryAt: new Date(until) },
    `a queued sale was not synced; trying again later: ${lastError}`,
  );
  return { kind: 'waiting', sent, until };
}

function isFinalRefusal(failure: EngineFailure): boolean {
  return failure.kind === 'rejected' && FINAL_REFUSALS.has(failure.reason);
}

/**
 * The engine has the sale: out of the outbox, marked synced with the vouchers it issued and what
 * it said about the sale, its voucher warnings kept as conflicts.
 */
function acknowledge(
  deps: OutboxDeps,
  entry: OutboxEntry,
  results: StoredBasket,
  warnings: readonly EngineWarning[],
): void {
  const at = new Date(deps.now());
  const codes = voucherCodesOf(deps, entry.basketCode);
  const record = () => {
    if (!removeOutboxEntry(deps.db, entry.id)) return;
    const synced = {
      engineBasketId: results.basketId,
      at,
      vouchersCreated: results.created,
      warnings: warnings
        .filter((warning) => NOT_A_VOUCHER_WARNING.has(warning.code))
        .map((warning) => ({
          code: warning.name,
          message: warning.message,
          voucherRef: null,
          params: warning.subject === undefined ? {} : { lineId: warning.subject },
        })),
    };
    if (!markSaleSynced(deps.db, entry.basketCode, synced))
      deps.log.warn(
        { basketCode: entry.basketCode },
        'a synced sale was not waiting in the journal',
      );
    for (const warning of warnings) {
      if (NOT_A_VOUCHER_WARNING.has(warning.code)) continue;
      recordConflict(deps.db, {
        basketCode: entry.basketCode,
        reason: warning.name,
        message: warning.message,
        voucherRef:
          warning.voucherCode ??
          (warning.voucherKey === undefined ? undefined : codes.get(warning.voucherKey)) ??
          warning.voucherKey ??
          warning.subject ??
          null,
        createdAt: at,
      });
    }
  };
  deps.db.transaction(record).immediate();
  if (results.replayed)
    deps.log.info({ basketCode: entry.basketCode }, 'the engine already had this queued sale');
}

/** The engine will never take this entry as it is: out of the outbox, kept as a conflict for a manager. */
function park(deps: OutboxDeps, entry: OutboxEntry, reason: string, message: string): void {
  const record = () => {
    if (!removeOutboxEntry(deps.db, entry.id)) return;
    recordConflict(deps.db, {
      basketCode: entry.basketCode,
      reason,
      message,
      voucherRef: null,
      createdAt: new Date(deps.now()),
    });
  };
  deps.db.transaction(record).immediate();
  deps.log.error({ basketCode: entry.basketCode, reason }, message);
}

/** The codes the sale's vouchers were scanned by, so a conflict names what the cashier saw. */
function voucherCodesOf(deps: OutboxDeps, basketCode: string): Map<string, string> {
  const codes = new Map<string, string>();
  try {
    for (const voucher of findSale(deps.db, basketCode)?.vouchersRedeemed ?? [])
      if (voucher.code !== null) codes.set(voucher.voucherKey, voucher.code);
  } catch (error) {
    // only a nicer name for the conflict is lost: the voucher key is shown instead
    deps.log.warn({ err: error, basketCode }, 'the journal entry of a synced sale is unreadable');
  }
  return codes;
}
