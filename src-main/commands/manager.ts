import type { TillError, TillHandlers, TillOutput, TillResult } from '../../src-shared/till';
import type { EngineFailure, EngineVoucher, ManagerClient, StoreConflict } from '../engine-client';
import { ok, type Result } from '../../src-shared/result';
import {
  acknowledgeConflict,
  acknowledgeConflictsOfSale,
  appendAudit,
  findConflict,
  listAudit,
  listConflicts,
  type SyncConflict,
} from '../store';
import type { CoreContext } from './context';
import { tillErrorOf, type EngineErrand } from './engine-errors';
import { tillError } from './till-error-words';

type ManagerHandlers = Pick<
  TillHandlers,
  | 'manager/sign-in'
  | 'manager/sign-out'
  | 'manager/locked-vouchers'
  | 'manager/unlock-voucher'
  | 'manager/unlock-basket'
  | 'manager/audit-log'
  | 'manager/conflicts'
  | 'manager/acknowledge-conflict'
  | 'manager/reward-pools'
>;

/** A manager's step-up: in memory only, ended by sign-out, leaving the screen or idling. */
interface ManagerSession {
  readonly username: string;
  readonly client: ManagerClient;
  expiresAt: number;
}

const notSignedIn: TillError = {
  code: 'not_signed_in',
  message: 'A manager must sign in first.',
};

/** Only these accounts may step up; a terminal's own login opens nothing. */
const MANAGER_ROLES: ReadonlySet<ManagerClient['role']> = new Set(['manager', 'admin']);

/** Why an account that signed in may not open this till's Manager screen, or null when it may. */
function signInRefusal(
  username: string,
  client: ManagerClient,
  till: { readonly chainId: number; readonly storeCode: string },
): TillError | null {
  if (!MANAGER_ROLES.has(client.role)) return notAManager(username, client.role);
  if (client.chainId !== null && client.chainId !== till.chainId) return ofAnotherChain(username);
  if (client.storeCode !== null && client.storeCode !== till.storeCode)
    return ofAnotherStore(username, client.storeCode, till.storeCode);
  return null;
}

function ofAnotherChain(username: string): TillError {
  return tillError('forbidden', 'account_of_another_chain', { username });
}

function ofAnotherStore(username: string, theirs: string, ours: string): TillError {
  return tillError('forbidden', 'account_of_another_store', {
    username,
    managerStore: theirs,
    storeCode: ours,
  });
}

function notAManager(username: string, role: ManagerClient['role']): TillError {
  return role === null
    ? tillError('forbidden', 'account_of_unknown_role', { username })
    : tillError('forbidden', 'account_not_a_manager', { username, role });
}

type UnlockedVoucher = TillOutput<'manager/unlock-voucher'>;
type ConflictList = TillOutput<'manager/conflicts'>;
type ConflictView = ConflictList['conflicts'][number];

type TillPlace = Pick<CoreContext['config'], 'storeCode' | 'terminalId'>;

function placeOf({ storeCode, terminalId }: TillPlace): TillPlace {
  return { storeCode, terminalId };
}

/** One of this till's own conflicts: the engine's winner and the note are not known here. */
function conflictViewOf(conflict: SyncConflict, till: TillPlace): ConflictView {
  return {
    ...conflict,
    source: 'till',
    createdAt: conflict.createdAt.toISOString(),
    acknowledgedAt: conflict.acknowledgedAt?.toISOString() ?? null,
    note: null,
    winner: null,
    ...placeOf(till),
  };
}

/** One of the store's conflicts, as the engine keeps it. */
function storeConflictViewOf(conflict: StoreConflict): ConflictView {
  return {
    id: conflict.id,
    source: 'store',
    basketCode: conflict.basketCode,
    reason: conflict.reason,
    message: conflict.message,
    voucherRef: conflict.voucherCode,
    createdAt: conflict.occurredAt.toISOString(),
    acknowledgedAt: conflict.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: conflict.acknowledgedBy,
    note: conflict.note,
    winner: conflict.winner,
    storeCode: conflict.storeCode,
    terminalId: conflict.terminalId,
  };
}

function voucherSummaryOf(voucher: EngineVoucher): UnlockedVoucher {
  return {
    voucherKey: voucher.key,
    code: voucher.code,
    type: voucher.type,
    ownerMemberNumber: voucher.memberNumber,
    basketCode: voucher.lockBasketCode,
  };
}

function lockedVoucherOf(voucher: EngineVoucher): TillOutput<'manager/locked-vouchers'>[number] {
  return {
    ...voucherSummaryOf(voucher),
    lockedUntil: new Date(voucher.lockedUntil ?? 0).toISOString(),
  };
}

export function managerHandlers(
  context: CoreContext,
): ManagerHandlers & { readonly signOutAll: () => void } {
  let session: ManagerSession | null = null;
  const idleMs = context.config.managerIdleMinutes * 60_000;

  const active = (): ManagerSession | null => {
    if (session && session.expiresAt <= context.now()) {
      void session.client.signOut();
      session = null;
    }
    if (session) session.expiresAt = context.now() + idleMs;
    return session;
  };
  const withSession = async <T>(
    run: (current: ManagerSession) => Promise<TillResult<T>>,
  ): Promise<TillResult<T>> => {
    const current = active();
    return current ? run(current) : { ok: false, error: notSignedIn };
  };
  /** A session the engine no longer accepts ends here too: the manager signs in again. */
  const failureOf = (failure: EngineFailure, errand: EngineErrand): TillError => {
    if (failure.kind !== 'unauthorized') return tillErrorOf(failure, errand);
    session = null;
    return { code: 'not_signed_in', message: `The manager session ended: ${failure.message}` };
  };

  /** Acknowledged already on the engine is the same answer as in the till's own list. */
  const acknowledgeFailureOf = (failure: EngineFailure): TillError =>
    failure.kind === 'rejected' && failure.name === 'sync_conflict_already_acknowledged'
      ? { code: 'conflict', message: `The voucher engine says: ${failure.description}.` }
      : failureOf(failure, 'acknowledgement');

  /** The vouchers of this store held by a sale right now. */
  const lockedInStore = async (client: ManagerClient): Promise<TillResult<EngineVoucher[]>> => {
    const outcome = await client.getVouchers({
      chainId: context.config.chainId,
      locked: true,
      storeCode: context.config.storeCode,
    });
    if (!outcome.ok) return { ok: false, error: failureOf(outcome.error, 'locked_vouchers') };
    return { ok: true, value: [...outcome.value.vouchers] };
  };
  /** Unlocks one voucher on the engine and writes the till's audit line under the manager's name. */
  const free = async (
    { client, username }: ManagerSession,
    voucherKey: string,
    basketCode: string | null,
    reason: string,
  ): Promise<Result<UnlockedVoucher, EngineFailure>> => {
    const outcome = await client.unlockVoucher({ voucherKey, reason });
    if (!outcome.ok) return outcome;
    const voucher = outcome.value;
    appendAudit(context.db, {
      at: new Date(context.now()),
      actor: username,
      action: 'unlock_voucher',
      voucherKey,
      voucherCode: voucher.code,
      basketCode,
      subject: null,
      detail: reason,
    });
    return ok({ ...voucherSummaryOf(voucher), basketCode });
  };

  return {
    'manager/sign-in': async ({ username, password }) => {
      session = null;
      const outcome = await context.engine.managerLogin(username, password);
      if (!outcome.ok) return { ok: false, error: tillErrorOf(outcome.error, 'sign_in') };
      const client = outcome.value;
      const refusal = signInRefusal(username, client, context.config);
      if (refusal) {
        await client.signOut();
        return { ok: false, error: refusal };
      }
      const expiresAt = context.now() + idleMs;
      session = { username, client, expiresAt };
      return { ok: true, value: { username, expiresAt: new Date(expiresAt).toISOString() } };
    },
    'manager/sign-out': async () => {
      const ending = session;
      session = null;
      if (ending) await ending.client.signOut();
      return { ok: true, value: {} };
    },
    'manager/locked-vouchers': () =>
      withSession(async ({ client }) => {
        const locked = await lockedInStore(client);
        return locked.ok ? { ok: true, value: locked.value.map(lockedVoucherOf) } : locked;
      }),
    'manager/unlock-voucher': ({ voucherKey, reason }) =>
      withSession(async (current) => {
        const locked = await lockedInStore(current.client);
        if (!locked.ok) return locked;
        const held = locked.value.find((voucher) => voucher.key === voucherKey);
        const outcome = await free(current, voucherKey, held?.lockBasketCode ?? null, reason);
        if (!outcome.ok) return { ok: false, error: failureOf(outcome.error, 'unlock') };
        return { ok: true, value: outcome.value };
      }),
    'manager/unlock-basket': ({ basketCode, reason }) =>
      withSession(async (current) => {
        const locked = await lockedInStore(current.client);
        if (!locked.ok) return locked;
        const held = locked.value.filter((voucher) => voucher.lockBasketCode === basketCode);
        if (held.length === 0)
          return {
            ok: false,
            error: tillError('not_found', 'basket_holds_no_vouchers', { basketCode }),
          };
        const freed: UnlockedVoucher[] = [];
        const failed: TillOutput<'manager/unlock-basket'>['failed'] = [];
        for (const voucher of held) {
          const outcome = await free(current, voucher.key, basketCode, reason);
          if (outcome.ok) freed.push(outcome.value);
          else if (outcome.error.kind === 'unauthorized')
            return { ok: false, error: failureOf(outcome.error, 'unlock') };
          else
            failed.push({
              voucherKey: voucher.key,
              code: voucher.code,
              message: failureOf(outcome.error, 'unlock').message,
            });
        }
        return { ok: true, value: { basketCode, freed, failed } };
      }),
    'manager/audit-log': ({ limit, day, voucherCode }) =>
      withSession(() => {
        const entries = listAudit(context.db, {
          limit,
          ...(day === undefined ? {} : { day: { date: day, timezone: context.config.timezone } }),
          ...(voucherCode === undefined ? {} : { voucherCode }),
        });
        return Promise.resolve({
          ok: true,
          value: entries.map((entry) => ({
            ...entry,
            at: entry.at.toISOString(),
            ...placeOf(context.config),
          })),
        });
      }),
    'manager/conflicts': () =>
      withSession<ConflictList>(async ({ client }) => {
        const outcome = await client.listSyncConflicts(context.config.storeCode);
        if (outcome.ok) {
          settleOwnConflicts(context, outcome.value);
          return ok({
            source: 'store',
            unreachable: null,
            conflicts: outcome.value.map(storeConflictViewOf),
          });
        }
        if (outcome.error.kind === 'unauthorized')
          return { ok: false, error: failureOf(outcome.error, 'sync_conflicts') };
        // the engine away, or without the call: this till's own list, marked as such
        return ok({
          source: 'till',
          unreachable: outcome.error.message,
          conflicts: listConflicts(context.db).map((conflict) =>
            conflictViewOf(conflict, context.config),
          ),
        });
      }),
    'manager/acknowledge-conflict': ({ conflictId, note, source }) =>
      withSession(async ({ client, username }) => {
        if (source === 'till') return acknowledge(context, conflictId, note, username);
        const outcome = await client.acknowledgeSyncConflict({ id: conflictId, note });
        if (!outcome.ok) return { ok: false, error: acknowledgeFailureOf(outcome.error) };
        const conflict = outcome.value;
        recordStoreAcknowledgement(context, conflict, note, username);
        return ok(storeConflictViewOf(conflict));
      }),
    'manager/reward-pools': () =>
      withSession(async ({ client }) => {
        const outcome = await client.getRewardPools();
        if (!outcome.ok) return { ok: false, error: failureOf(outcome.error, 'reward_pools') };
        return { ok: true, value: outcome.value };
      }),
    signOutAll: () => {
      session = null;
    },
  };
}

/**
 * A conflict of this till's own acknowledged on the engine (here or at another terminal) is
 * settled in the till's list too, so that its status bar stops counting it.
 */
function settleOwnConflicts(context: CoreContext, conflicts: readonly StoreConflict[]): void {
  for (const conflict of conflicts) {
    if (conflict.acknowledgedAt === null || !isOwn(context, conflict)) continue;
    acknowledgeConflictsOfSale(context.db, {
      basketCode: conflict.basketCode,
      reason: conflict.reason,
      by: conflict.acknowledgedBy ?? 'a manager',
      at: conflict.acknowledgedAt,
    });
  }
}

function isOwn(context: CoreContext, conflict: StoreConflict): boolean {
  return (
    conflict.storeCode === context.config.storeCode &&
    conflict.terminalId === context.config.terminalId
  );
}

/** The till's audit line of an acknowledgement made on the engine, and its own list settled. */
function recordStoreAcknowledgement(
  context: CoreContext,
  conflict: StoreConflict,
  note: string,
  username: string,
): void {
  const at = conflict.acknowledgedAt ?? new Date(context.now());
  const record = () => {
    if (isOwn(context, conflict))
      acknowledgeConflictsOfSale(context.db, {
        basketCode: conflict.basketCode,
        reason: conflict.reason,
        by: username,
        at,
      });
    appendAudit(context.db, {
      at,
      actor: username,
      action: 'acknowledge_sync_conflict',
      voucherKey: null,
      voucherCode: conflict.voucherCode,
      basketCode: conflict.basketCode,
      subject: conflict.reason,
      detail: note,
    });
  };
  context.db.transaction(record).immediate();
}

/** Marks the conflict seen by this manager and writes the audit log, in one transaction. */
function acknowledge(
  context: CoreContext,
  conflictId: number,
  note: string,
  username: string,
): TillResult<ConflictView> {
  const at = new Date(context.now());
  const record = (): TillResult<ConflictView> => {
    const conflict = findConflict(context.db, conflictId);
    if (!conflict)
      return {
        ok: false,
        error: tillError('not_found', 'sync_conflict_unknown', { conflictId }),
      };
    if (!acknowledgeConflict(context.db, conflictId, username, at))
      return {
        ok: false,
        error:
          conflict.acknowledgedBy === null
            ? tillError('conflict', 'sync_conflict_acknowledged', { conflictId })
            : tillError('conflict', 'sync_conflict_acknowledged_by', {
                conflictId,
                username: conflict.acknowledgedBy,
              }),
      };
    appendAudit(context.db, {
      at,
      actor: username,
      action: 'acknowledge_sync_conflict',
      voucherKey: null,
      voucherCode: conflict.voucherRef,
      basketCode: conflict.basketCode,
      subject: conflict.reason,
      detail: note,
    });
    return {
      ok: true,
      value: {
        ...conflictViewOf(
          { ...conflict, acknowledgedAt: at, acknowledgedBy: username },
          context.config,
        ),
        note,
      },
    };
  };
  return context.db.transaction(record).immediate();
}
