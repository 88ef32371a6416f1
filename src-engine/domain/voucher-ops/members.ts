import { ok } from '../../../src-shared/result';
import type { Executor } from '../../repo/vouchers';
import { invalidFields, refuse, type Outcome } from '../refusal';

/**
 * The customer a caller names, by any of the ways Spaaza clients name one; `userId` is the
 * member's id (Spaaza's user_id). Several may be given: they must then name the same member.
 */
export interface OwnerRef {
  readonly memberNumber?: string | undefined;
  readonly userId?: number | undefined;
  /** Spaaza's `username` (an e-mail address). */
  readonly username?: string | undefined;
  /** The member's id in a third-party identity system. */
  readonly authenticationPointIdentifier?: string | undefined;
}

export interface MemberRow {
  readonly id: number;
  readonly member_number: string;
  readonly name: string | null;
}

export const NAME_A_MEMBER_MESSAGE =
  'send member_number, user_id, username or authentication_point_identifier';

/** Whether the caller named a member at all. */
export function namesOwner(owner: OwnerRef): boolean {
  return (
    owner.memberNumber !== undefined ||
    owner.userId !== undefined ||
    owner.username !== undefined ||
    owner.authenticationPointIdentifier !== undefined
  );
}

/** How the member named is told back in a refusal, by what the caller sent. */
export function describeOwner(owner: OwnerRef): string {
  const named = [
    owner.memberNumber === undefined ? null : `member_number ${owner.memberNumber}`,
    owner.userId === undefined ? null : `user_id ${owner.userId}`,
    owner.username === undefined ? null : `username ${owner.username}`,
    owner.authenticationPointIdentifier === undefined
      ? null
      : `authentication_point_identifier ${owner.authenticationPointIdentifier}`,
  ].filter((part) => part !== null);
  return owner.memberNumber !== undefined && named.length === 1
    ? owner.memberNumber
    : `with ${named.join(' and ')}`;
}

/** The value a caller named the member by, the card number first. */
export function ownerKey(owner: OwnerRef): string {
  return (
    owner.memberNumber ??
    owner.username ??
    owner.authenticationPointIdentifier ??
    (owner.userId === undefined ? '' : String(owner.userId))
  );
}

/** The member a caller names; every way given must match that one member. */
export async function findMember(
  db: Executor,
  chainId: number,
  owner: OwnerRef,
): Promise<Outcome<MemberRow>> {
  if (!namesOwner(owner))
    return invalidFields([{ path: 'member_number', message: NAME_A_MEMBER_MESSAGE }]);
  let query = db
    .selectFrom('members')
    .select(['id', 'member_number', 'name'])
    .where('chain_id', '=', chainId);
  if (owner.memberNumber !== undefined)
    query = query.where('member_number', '=', owner.memberNumber);
  if (owner.userId !== undefined) query = query.where('id', '=', owner.userId);
  if (owner.username !== undefined) query = query.where('username', '=', owner.username);
  if (owner.authenticationPointIdentifier !== undefined)
    query = query.where(
      'authentication_point_identifier',
      '=',
      owner.authenticationPointIdentifier,
    );
  const member = await query.executeTakeFirst();
  if (!member) return refuse('member_not_found', `no member ${describeOwner(owner)} in this chain`);
  return ok(member);
}

/** The id of the member a caller names, null when none is named; refused when none matches. */
export async function namedMemberId(
  db: Executor,
  chainId: number,
  owner: OwnerRef,
): Promise<Outcome<number | null>> {
  if (!namesOwner(owner)) return ok(null);
  const member = await findMember(db, chainId, owner);
  return member.ok ? ok(member.value.id) : member;
}
