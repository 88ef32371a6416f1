import type { Err } from '../../../src-shared/result';
import type { Executor } from '../../repo/vouchers';
import { invalidFields, type Refusal } from '../refusal';

/**
 * A voucher's `third_party_id` (its id in another system) names it only on a chain whose
 * uses_third_party_voucher_id setting is on; elsewhere the field is refused, naming the setting.
 */
export async function thirdPartyIdRefusal(
  db: Executor,
  chainId: number,
): Promise<Err<Refusal> | null> {
  const chain = await db
    .selectFrom('chains')
    .select('uses_third_party_voucher_id')
    .where('id', '=', chainId)
    .executeTakeFirst();
  if (chain?.uses_third_party_voucher_id === 1) return null;
  return invalidFields([
    {
      path: 'third_party_id',
      message:
        'this chain does not use third-party voucher ids (uses_third_party_voucher_id is off)',
    },
  ]);
}
