import { ok } from '../../../src-shared/result';
import { selectBenefits, type BenefitRow } from '../../repo/benefits';
import type { Executor } from '../../repo/vouchers';
import { invalidFields, type Outcome } from '../refusal';
import { belongsToOther, ownerMismatch, voucherNotFound } from './refusals';

/**
 * The benefit a presented code stands for in the chain: the voucher whose own code it is, else
 * one of those sharing it (a STATIC reward's code, a pool code). Of those, the presenter's own
 * (or a bearer one), preferring one still to be burned, then one already redeemed, then the oldest.
 *
 * A code typed in lower case that matches nothing also finds the voucher whose own code is its
 * upper case: generated (OTP) codes are upper case. Shared codes come from partners and are
 * matched exactly, as they may tell cases apart.
 *
 * A value that is both a voucher's own code and a shared code is refused: either benefit could
 * be meant, and guessing could burn another member's voucher. Every writer of a code checks
 * all kinds first (rewards/code-use), so only data from before that check or two writers racing
 * to the same value lead here; an admin then retires one of the two.
 */
export async function benefitByCode(
  db: Executor,
  chainId: number,
  code: string,
  memberNumber: string | undefined,
): Promise<Outcome<BenefitRow>> {
  const found = await ownOrSharing(db, chainId, code, memberNumber);
  if (!found.ok) return found;
  if (found.value) return ok(found.value);
  if (code.toUpperCase() !== code) {
    const upper = await ownCode(db, chainId, code.toUpperCase(), memberNumber);
    if (!upper.ok) return upper;
    if (upper.value) return ok(upper.value);
  }
  return voucherNotFound(code);
}

/** A benefit, none (undefined), or why the code may not be used. */
type Found = Outcome<BenefitRow | undefined>;

async function ownCode(
  db: Executor,
  chainId: number,
  code: string,
  memberNumber: string | undefined,
): Promise<Found> {
  const own = await selectBenefits(db, chainId)
    .where('vouchers.code', '=', code)
    .executeTakeFirst();
  if (!own) return ok(undefined);
  const sharing = await selectBenefits(db, chainId)
    .where('vouchers.shared_code', '=', code)
    .where('vouchers.id', '!=', own.id)
    .executeTakeFirst();
  if (sharing)
    return invalidFields([
      {
        path: 'code',
        message: `${code} is ambiguous: it is benefit ${own.uuid}'s own code and also the shared code of benefit ${sharing.uuid}; nothing was validated`,
      },
    ]);
  if (belongsToOther(own, memberNumber)) return ownerMismatch(code);
  return ok(own);
}

async function ownOrSharing(
  db: Executor,
  chainId: number,
  code: string,
  memberNumber: string | undefined,
): Promise<Found> {
  const own = await ownCode(db, chainId, code, memberNumber);
  if (!own.ok || own.value) return own;
  const sharing = selectBenefits(db, chainId).where('vouchers.shared_code', '=', code);
  const presenters =
    memberNumber === undefined
      ? sharing
      : sharing.where((eb) =>
          eb.or([
            eb('members.member_number', '=', memberNumber),
            eb('vouchers.member_id', 'is', null),
          ]),
        );
  const best = await presenters
    .orderBy((eb) => eb.case().when('vouchers.burned_at', 'is', null).then(0).else(1).end())
    .orderBy((eb) => eb.case().when('vouchers.claimed_at', 'is not', null).then(0).else(1).end())
    .orderBy('vouchers.id')
    .executeTakeFirst();
  if (best) return ok(best);
  if (memberNumber !== undefined && (await sharing.executeTakeFirst())) return ownerMismatch(code);
  return ok(undefined);
}
