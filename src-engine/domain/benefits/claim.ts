import type { Kysely } from 'kysely';
import { ok } from '../../../src-shared/result';
import type { Database } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { benefitByUuid, type BenefitRow } from '../../repo/benefits';
import type { Actor } from '../actor';
import type { Outcome } from '../refusal';
import { compareAndSet } from '../voucher-ops/compare-and-set';
import { allOf, notBurned, present, unclaimed, unexpiredAt } from '../voucher-ops/guards';
import type { GeoPoint } from './geo';
import { benefitName, benefitNotFound, claimRefusal } from './refusals';
import { rereadBenefit } from './reread';

export interface ClaimBenefitRequest {
  readonly benefitId: string;
  /** Accepted as WLL sends it; the engine keeps no location. */
  readonly position?: GeoPoint | undefined;
}

/**
 * redeem_benefit (docs/wll-face.md, "redeem_benefit"): reveals the code, i.e. claims the voucher
 * (`claimed_at`). Redeeming twice is refused, so of two concurrent redeems exactly one succeeds.
 */
export async function claimBenefit(
  db: Kysely<Database>,
  actor: Actor,
  request: ClaimBenefitRequest,
  now: number,
): Promise<Outcome<BenefitRow>> {
  const gone = () => benefitNotFound(request.benefitId);
  return inTransaction(db, async (trx) => {
    const row = await benefitByUuid(trx, actor.chainId, request.benefitId);
    if (!row) return gone();
    const claimed = await compareAndSet(trx, actor, now, {
      row,
      reread: rereadBenefit(trx, gone),
      name: benefitName,
      decide: (current) =>
        claimRefusal(current, now) ??
        ok({
          set: { claimed_at: now },
          guard: allOf(present, unclaimed, notBurned, unexpiredAt(now)),
          audits: ['claim'],
        }),
    });
    return claimed.ok ? ok(claimed.value.row) : claimed;
  });
}
