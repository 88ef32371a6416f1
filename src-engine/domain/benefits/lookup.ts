import { selectBenefits, type BenefitRow } from '../../repo/benefits';
import type { Executor } from '../../repo/vouchers';
import { belongsToOther, ownerMismatch, voucherNotFound } from './refusals';

/**
 * The benefit a presented code stands for in the chain: the voucher whose own code it is, else
 * one of those sharing it (a STATIC reward's code, a pool code). Of those, the presenter's own
 * (or a bearer one), preferring one still to be burned, then one already redeemed, then the oldest.
 */
export async function benefitByCode(
  db: Executor,
  chainId: number,
  code: string,
  memberNumber: string | undefined,
): Promise<BenefitRow> {
  const own = await selectBenefits(db, chainId)
    .where('vouchers.code', '=', code)
    .executeTakeFirst();
  if (own) {
    if (belongsToOther(own, memberNumber)) throw ownerMismatch(code);
    return own;
  }
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
  if (best) return best;
  if (memberNumber !== undefined && (await sharing.executeTakeFirst())) throw ownerMismatch(code);
  throw voucherNotFound(code);
}
