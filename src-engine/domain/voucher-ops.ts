import type { Expression, ExpressionBuilder, Kysely, SqlBool, Updateable } from 'kysely';
import { toMajorText, toMinorUnits } from '../../src-shared/money';
import {
  checkUsable,
  isExpired,
  lockHolds,
  type UnusableReason,
  type Voucher,
} from '../../src-shared/vouchers';
import { toSpaazaDateTime } from '../../src-shared/wire';
import type { Database, VoucherTable } from '../db/schema';
import { EngineError, invalidParameters } from '../http/errors';
import {
  findVoucher,
  toDomainVoucher,
  touchHonourRev,
  voucherById,
  type Executor,
  type VoucherRow,
} from '../repo/vouchers';
import type { Actor } from './actor';
import { createVoucher } from './admin';
import { audit, type AuditAction } from './audit';
import { issueChildVoucher } from './voucher-factory';

/*
 * The Spaaza voucher calls (reference §3) as use cases: each change and its audit line commit
 * together. The routes check each call's role; the one role rule that depends on the voucher
 * (only a manager may unclaim a locked voucher) is checked here.
 */

export interface VoucherRef {
  readonly key?: string | undefined;
  readonly id?: number | undefined;
}

/** The customer a caller says a voucher belongs to; `userId` is the member's id (Spaaza's user_id). */
export interface OwnerRef {
  readonly memberNumber?: string | undefined;
  readonly userId?: number | undefined;
}

type Guard = (eb: ExpressionBuilder<Database, 'vouchers'>) => Expression<SqlBool>;

const notBurned: Guard = (eb) => eb('burned_at', 'is', null);
const present: Guard = (eb) => eb('deleted_at', 'is', null);
const claimed: Guard = (eb) => eb('claimed_at', 'is not', null);
const unclaimed: Guard = (eb) => eb('claimed_at', 'is', null);
const unexpiredAt =
  (now: number): Guard =>
  (eb) =>
    eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]);
const unlockedAt =
  (now: number): Guard =>
  (eb) =>
    eb.or([eb('lock_until', 'is', null), eb('lock_until', '<=', now)]);
/** No lock holds, or the one that holds is bound to nothing but this basket and this locking code. */
const lockFreeFor =
  (now: number, basketCode: string | null, lockingCode: string | null): Guard =>
  (eb) =>
    eb.or([
      unlockedAt(now)(eb),
      eb.and([
        eb.or([
          eb('lock_basket_code', 'is', null),
          ...(basketCode === null ? [] : [eb('lock_basket_code', '=', basketCode)]),
        ]),
        eb.or([
          eb('lock_code', 'is', null),
          ...(lockingCode === null ? [] : [eb('lock_code', '=', lockingCode)]),
        ]),
      ]),
    ]);
const allOf =
  (...guards: Guard[]): Guard =>
  (eb) =>
    eb.and(guards.map((guard) => guard(eb)));

const NO_LOCK = { lock_until: null, lock_basket_code: null, lock_code: null } as const;

/** One state change of one voucher, decided from its row. */
interface VoucherChange {
  readonly action: AuditAction;
  readonly set: Updateable<VoucherTable>;
  /** The conditions the decision relied on, checked again by the update (compare-and-set). */
  readonly guard?: Guard;
  readonly basketCode?: string | null;
  readonly reason?: string | null;
}

/** Decides the change for a row: throws the refusal, or null when the voucher is already as wanted. */
type Plan = (row: VoucherRow) => VoucherChange | null;

async function changeVoucher(
  db: Kysely<Database>,
  actor: Actor,
  ref: VoucherRef,
  now: number,
  plan: Plan,
): Promise<VoucherRow> {
  return db.transaction().execute(async (trx) => {
    const row = await voucherOf(trx, actor.chainId, ref);
    const change = plan(row);
    if (change === null) return row;
    let update = trx.updateTable('vouchers').set(change.set).where('id', '=', row.id);
    if (change.guard) update = update.where(change.guard);
    const { numUpdatedRows } = await update.executeTakeFirst();
    if (numUpdatedRows !== 1n) {
      // another caller changed it between our read and our update: decide again on what is there now
      const fresh = await voucherById(trx, row.id);
      if (plan(fresh) === null) return fresh;
      throw changedMeanwhile(fresh);
    }
    await touchHonourRev(trx, row);
    await audit(trx, actor, change.action, now, {
      voucherId: row.id,
      basketCode: change.basketCode ?? null,
      reason: change.reason ?? null,
    });
    return voucherById(trx, row.id);
  });
}

export interface LockRequest {
  readonly ref: VoucherRef;
  readonly basketCode: string | null;
  readonly lockingCode: string | null;
  /** Seconds; the voucher's own lock period when absent. */
  readonly periodSeconds?: number | undefined;
}

/** lock-voucher: holds the voucher for one basket or locking code, unless another sale holds it. */
export async function lockVoucher(
  db: Kysely<Database>,
  actor: Actor,
  request: LockRequest,
  now: number,
): Promise<VoucherRow> {
  const { basketCode, lockingCode } = request;
  if (basketCode !== null) await refuseStoredBasket(db, actor.chainId, basketCode);
  return changeVoucher(db, actor, request.ref, now, (row) => {
    const voucher = toDomainVoucher(row);
    if (voucher.burnedAt !== null) throw refusal(row, 'lock', { code: 'voucher_already_redeemed' });
    const held = heldElsewhere(voucher, now, basketCode, lockingCode);
    if (held) throw refusal(row, 'lock', held);
    const seconds = request.periodSeconds ?? row.lock_period_seconds;
    return {
      action: 'lock',
      set: {
        lock_until: now + seconds * 1000,
        lock_basket_code: basketCode,
        lock_code: lockingCode,
      },
      guard: allOf(notBurned, lockFreeFor(now, basketCode, lockingCode)),
      basketCode,
    };
  });
}

/** unlock-voucher: clears any lock, and the audit trail says who and why. */
export async function unlockVoucher(
  db: Kysely<Database>,
  actor: Actor,
  request: { readonly ref: VoucherRef; readonly reason: string },
  now: number,
): Promise<VoucherRow> {
  return changeVoucher(db, actor, request.ref, now, (row) => ({
    action: 'unlock',
    set: NO_LOCK,
    basketCode: row.lock_basket_code,
    reason: request.reason,
  }));
}

export interface OwnedVoucherRequest {
  readonly ref: VoucherRef;
  readonly owner: OwnerRef;
}

export async function claimVoucher(
  db: Kysely<Database>,
  actor: Actor,
  request: OwnedVoucherRequest,
  now: number,
): Promise<VoucherRow> {
  return changeVoucher(db, actor, request.ref, now, (row) => {
    refuseOtherOwner(row, request.owner);
    const voucher = toDomainVoucher(row);
    refuseUsedOrExpired(row, voucher, now, 'claim');
    if (voucher.claimedAt !== null) return null;
    return {
      action: 'claim',
      set: { claimed_at: now },
      guard: allOf(unclaimed, notBurned, unexpiredAt(now)),
    };
  });
}

/** unclaim-voucher: back to generated; while a lock holds, only a manager (or higher) may. */
export async function unclaimVoucher(
  db: Kysely<Database>,
  actor: Actor,
  request: OwnedVoucherRequest,
  now: number,
): Promise<VoucherRow> {
  return changeVoucher(db, actor, request.ref, now, (row) => {
    refuseOtherOwner(row, request.owner);
    const voucher = toDomainVoucher(row);
    if (voucher.burnedAt !== null)
      throw refusal(row, 'unclaim', { code: 'voucher_already_redeemed' });
    if (voucher.claimedAt === null) return null;
    const locked = lockHolds(voucher, now);
    if (locked && actor.role === 'terminal') {
      const until = toSpaazaDateTime(row.lock_until ?? now);
      throw new EngineError(
        'permission_denied_or_non_existent',
        `voucher ${labelOf(row)} is locked until ${until}: unclaiming a locked voucher needs the manager role`,
      );
    }
    return {
      action: 'unclaim',
      set: { claimed_at: null },
      guard: allOf(claimed, notBurned, ...(locked ? [] : [unlockedAt(now)])),
    };
  });
}

/** expire-voucher: a claimed, unused voucher expires now. */
export async function expireVoucher(
  db: Kysely<Database>,
  actor: Actor,
  request: OwnedVoucherRequest,
  now: number,
): Promise<VoucherRow> {
  return changeVoucher(db, actor, request.ref, now, (row) => {
    refuseOtherOwner(row, request.owner);
    const voucher = toDomainVoucher(row);
    refuseUnclaimedOrUsed(row, voucher, 'expire');
    if (isExpired(voucher, now)) return null;
    return {
      action: 'expire',
      set: { expires_at: now },
      guard: allOf(claimed, notBurned, unexpiredAt(now)),
    };
  });
}

/** delete-voucher: a claimed, unused voucher disappears from every list. */
export async function deleteVoucher(
  db: Kysely<Database>,
  actor: Actor,
  request: OwnedVoucherRequest,
  now: number,
): Promise<VoucherRow> {
  return changeVoucher(db, actor, request.ref, now, (row) => {
    refuseOtherOwner(row, request.owner);
    refuseUnclaimedOrUsed(row, toDomainVoucher(row), 'delete');
    return {
      action: 'delete',
      set: { deleted_at: now },
      guard: allOf(claimed, notBurned, present),
    };
  });
}

export interface RedeemRequest extends OwnedVoucherRequest {
  /** Major units as sent (number or decimal text); the whole remaining amount when absent. */
  readonly amount?: number | string | undefined;
}

export interface Redemption {
  readonly voucher: VoucherRow;
  /** The remainder of a partly redeemed basket voucher, issued as a new voucher. */
  readonly regenerated: VoucherRow | null;
}

/**
 * redeem-voucher: burns a basket or honour voucher outside any basket, as one
 * compare-and-set. Redeeming part of a basket voucher issues what is left as a new voucher
 * whose parent is the burned one, as add-basket does with a remainder.
 */
export async function redeemVoucher(
  db: Kysely<Database>,
  actor: Actor,
  request: RedeemRequest,
  now: number,
): Promise<Redemption> {
  return db.transaction().execute(async (trx) => {
    const row = await voucherOf(trx, actor.chainId, request.ref);
    refuseUnusableOutsideBasket(row, request.owner, now);
    const split = splitRedemption(row, request.amount);
    const { numUpdatedRows } = await trx
      .updateTable('vouchers')
      .set({ ...NO_LOCK, burned_at: now, amount_redeemed: split.redeemed, amount: split.left })
      .where('id', '=', row.id)
      .where(allOf(present, notBurned, claimed, unexpiredAt(now), lockFreeFor(now, null, null)))
      .executeTakeFirst();
    if (numUpdatedRows !== 1n) {
      refuseUnusableOutsideBasket(await voucherById(trx, row.id), request.owner, now);
      throw changedMeanwhile(row);
    }
    await touchHonourRev(trx, row);
    await audit(trx, actor, 'redeem', now, { voucherId: row.id });
    const regenerated =
      split.remainder > 0
        ? await issueChildVoucher(
            trx,
            actor,
            row,
            { amount: split.remainder, title: row.title, reason: 'remainder' },
            now,
          )
        : null;
    return { voucher: await voucherById(trx, row.id), regenerated };
  });
}

interface Split {
  /** What the burned voucher records as redeemed (null for an honour voucher). */
  readonly redeemed: number | null;
  /** What stays on the burned voucher itself: nothing, the remainder moves to a new voucher. */
  readonly left: number | null;
  readonly remainder: number;
}

function splitRedemption(row: VoucherRow, amount: number | string | undefined): Split {
  switch (row.voucher_type) {
    case 'basket_pct':
      throw conflict(
        `cannot redeem voucher ${labelOf(row)}: a percentage voucher applies only to a basket`,
      );
    case 'honour':
      if (amount !== undefined)
        throw invalidParameters([{ path: 'amount', message: 'an honour voucher has no amount' }]);
      return { redeemed: null, left: null, remainder: 0 };
    case 'basket': {
      const remaining = row.amount ?? 0;
      const redeemed = amount === undefined ? remaining : redeemableAmount(row, amount, remaining);
      return { redeemed, left: 0, remainder: remaining - redeemed };
    }
  }
}

function redeemableAmount(row: VoucherRow, amount: number | string, remaining: number): number {
  const minor = positiveAmount('amount', amount, row.currency);
  if (minor > remaining) {
    const left = `${toMajorText(remaining, row.currency)} ${row.currency}`;
    throw invalidParameters([
      { path: 'amount', message: `is more than the ${left} left on the voucher` },
    ]);
  }
  return minor;
}

/** A wire amount in minor units of the currency, refused (naming the field) unless it is above zero. */
function positiveAmount(path: string, amount: number | string, currency: string): number {
  const minor = toMinorUnits(amount, currency);
  if (!minor.ok) throw invalidParameters([{ path, message: minor.error.message }]);
  if (minor.value <= 0) throw invalidParameters([{ path, message: 'must be more than 0' }]);
  return minor.value;
}

export interface NewVoucherRequest {
  readonly campaignId: number;
  readonly owner: OwnerRef;
  /** Major units as sent; overrides the campaign's amount of a basket voucher. */
  readonly amount?: number | string | undefined;
  readonly claimed: boolean;
  /** YYYY-MM-DD: the voucher is valid through that day (UTC). */
  readonly expiryDate?: string | undefined;
  readonly code?: string | undefined;
}

/** create-voucher: a voucher of a campaign for a member. */
export async function issueVoucher(
  db: Kysely<Database>,
  actor: Actor,
  request: NewVoucherRequest,
  now: number,
): Promise<VoucherRow> {
  const campaign = await db
    .selectFrom('campaigns')
    .innerJoin('chains', 'chains.id', 'campaigns.chain_id')
    .select(['campaigns.voucher_type', 'chains.currency'])
    .where('campaigns.id', '=', request.campaignId)
    .where('campaigns.chain_id', '=', actor.chainId)
    .executeTakeFirst();
  if (!campaign)
    throw new EngineError('campaign_not_found', `no campaign ${request.campaignId} in this chain`);
  const member = await findMember(db, actor.chainId, request.owner);
  const created = await createVoucher(
    db,
    actor,
    {
      chainId: actor.chainId,
      campaignId: request.campaignId,
      memberNumber: member.member_number,
      code: request.code ?? null,
      claimed: request.claimed,
      amount:
        request.amount === undefined
          ? undefined
          : voucherAmount(campaign.voucher_type, campaign.currency, request.amount),
      expiresAt: request.expiryDate === undefined ? undefined : endOfDay(request.expiryDate, now),
    },
    now,
  );
  return voucherById(db, created.id);
}

function voucherAmount(
  type: VoucherTable['voucher_type'],
  currency: string,
  amount: number | string,
): number {
  if (type !== 'basket') {
    const message = `a ${type} campaign's vouchers carry no amount`;
    throw invalidParameters([{ path: 'voucher_amount', message }]);
  }
  return positiveAmount('voucher_amount', amount, currency);
}

/** The first instant after the given UTC day; refused when that is already past. */
function endOfDay(date: string, now: number): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const end = Date.UTC(year, month - 1, day + 1);
  if (end <= now)
    throw invalidParameters([{ path: 'expiry_date', message: `${date} is already past` }]);
  return end;
}

export interface MemberRow {
  readonly id: number;
  readonly member_number: string;
  readonly name: string | null;
}

/** The member a caller names by member_number and/or user_id; both must then agree. */
export async function findMember(
  db: Executor,
  chainId: number,
  owner: OwnerRef,
): Promise<MemberRow> {
  if (owner.memberNumber === undefined && owner.userId === undefined)
    throw invalidParameters([{ path: 'member_number', message: 'send member_number or user_id' }]);
  let query = db
    .selectFrom('members')
    .select(['id', 'member_number', 'name'])
    .where('chain_id', '=', chainId);
  if (owner.memberNumber !== undefined)
    query = query.where('member_number', '=', owner.memberNumber);
  if (owner.userId !== undefined) query = query.where('id', '=', owner.userId);
  const member = await query.executeTakeFirst();
  if (!member) {
    const named = owner.memberNumber ?? `with user_id ${owner.userId ?? ''}`;
    throw new EngineError('member_not_found', `no member ${named} in this chain`);
  }
  return member;
}

async function voucherOf(db: Executor, chainId: number, ref: VoucherRef): Promise<VoucherRow> {
  const row = await findVoucher(db, chainId, ref);
  if (!row || (ref.id !== undefined && row.id !== ref.id)) {
    const named = ref.key ?? `with voucher_id ${ref.id ?? '(none)'}`;
    throw new EngineError('voucher_not_found', `no voucher ${named} in this chain`);
  }
  return row;
}

async function refuseStoredBasket(
  db: Kysely<Database>,
  chainId: number,
  basketCode: string,
): Promise<void> {
  const stored = await db
    .selectFrom('baskets')
    .select('id')
    .where('chain_id', '=', chainId)
    .where('retailer_basket_code', '=', basketCode)
    .executeTakeFirst();
  if (stored)
    throw new EngineError(
      'basket_already_exists',
      `basket ${basketCode} is already stored: a lock for it would never be used`,
    );
}

/** The lock part of §4's usability: a holding lock bound to another basket or locking code. */
function heldElsewhere(
  voucher: Voucher,
  now: number,
  basketCode: string | null,
  lockingCode: string | null,
): UnusableReason | null {
  if (voucher.lock === null || !lockHolds(voucher, now)) return null;
  const { until, basketCode: heldFor, lockingCode: heldWith } = voucher.lock;
  if (heldFor !== null && heldFor !== basketCode)
    return { code: 'voucher_locked', lockedUntil: until };
  if (heldWith !== null && heldWith !== lockingCode)
    return { code: 'voucher_locking_code_mismatch', lockedUntil: until };
  return null;
}

function refuseOtherOwner(row: VoucherRow, owner: OwnerRef): void {
  const otherNumber = owner.memberNumber !== undefined && owner.memberNumber !== row.member_number;
  const otherId = owner.userId !== undefined && owner.userId !== row.member_id;
  if (otherNumber || otherId)
    throw new EngineError(
      'voucher_not_found',
      `voucher ${labelOf(row)} does not belong to the member named`,
    );
}

function refuseUsedOrExpired(row: VoucherRow, voucher: Voucher, now: number, verb: string): void {
  if (voucher.burnedAt !== null) throw refusal(row, verb, { code: 'voucher_already_redeemed' });
  if (isExpired(voucher, now)) throw refusal(row, verb, { code: 'voucher_expired' });
}

function refuseUnclaimedOrUsed(row: VoucherRow, voucher: Voucher, verb: string): void {
  if (voucher.burnedAt !== null) throw refusal(row, verb, { code: 'voucher_already_redeemed' });
  if (voucher.claimedAt === null) throw refusal(row, verb, { code: 'voucher_not_claimed' });
}

/** §4 usability with no basket: an exclusive lock held for any sale stops a redemption outside it. */
function refuseUnusableOutsideBasket(row: VoucherRow, owner: OwnerRef, now: number): void {
  refuseOtherOwner(row, owner);
  const usable = checkUsable(toDomainVoucher(row), now, {
    basketCode: null,
    lockingCode: null,
    memberNumber: row.member_number,
  });
  if (!usable.ok) throw refusal(row, 'redeem', usable.error);
}

function refusal(row: VoucherRow, verb: string, reason: UnusableReason): EngineError {
  const cannot = `cannot ${verb} voucher ${labelOf(row)}`;
  switch (reason.code) {
    case 'voucher_not_found':
      return new EngineError('voucher_not_found', `${cannot}: it no longer exists`);
    case 'voucher_wrong_owner':
      return new EngineError('voucher_not_found', `${cannot}: it belongs to another member`);
    case 'voucher_already_redeemed':
      return conflict(`${cannot}: it was already redeemed`);
    case 'voucher_expired':
      return conflict(`${cannot}: it has expired`);
    case 'voucher_not_claimed':
      return conflict(`${cannot}: it is not claimed`);
    case 'voucher_locked':
      return conflict(
        `${cannot}: it is held for another sale; locked_until ${toSpaazaDateTime(reason.lockedUntil)}`,
      );
    case 'voucher_locking_code_mismatch':
      return conflict(
        `${cannot}: it is held under another voucher_locking_code; locked_until ${toSpaazaDateTime(reason.lockedUntil)}`,
      );
  }
}

function changedMeanwhile(row: VoucherRow): EngineError {
  return conflict(`voucher ${labelOf(row)} was changed by another request meanwhile; try again`);
}

function conflict(description: string): EngineError {
  return new EngineError('voucher_state_conflict', description);
}

/** The customer-facing code where there is one, else the key. */
function labelOf(row: VoucherRow): string {
  return row.code ?? row.voucher_key;
}
