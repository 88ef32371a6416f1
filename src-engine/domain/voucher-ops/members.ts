import { ok } from '../../../src-shared/result';
import type { Executor } from '../../repo/vouchers';
import { invalidFields, refuse, type Outcome } from '../refusal';

/** The customer a caller says a voucher belongs to; `userId` is the member's id (Spaaza's user_id). */
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

/** The member a caller names by member_number and/or user_id; both must then agree. */
export async function findMember(
  db: Executor,
  chainId: number,
  owner: OwnerRef,
): Promise<Outcome<MemberRow>> {
  if (owner.memberNumber === undefined && owner.userId === undefined)
    return invalidFields([{ path: 'member_number', message: 'send member_number or user_id' }]);
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
    return refuse('member_not_found', `no member ${named} in this chain`);
  }
  return ok(member);
}
