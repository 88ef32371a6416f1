import { ok, type Err } from '../../../src-shared/result';
import { benefitByVoucherId, type BenefitRow } from '../../repo/benefits';
import type { Executor } from '../../repo/vouchers';
import type { Outcome, Refusal } from '../refusal';

/** The benefit again in this transaction; `gone` when it was deleted meanwhile. */
export function rereadBenefit(
  db: Executor,
  gone: () => Err<Refusal>,
): (row: BenefitRow) => Promise<Outcome<BenefitRow>> {
  return async (row) => {
    const fresh = await benefitByVoucherId(db, row.chain_id, row.id);
    return fresh ? ok(fresh) : gone();
  };
}
