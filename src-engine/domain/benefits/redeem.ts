import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { benefitByUuid, type BenefitRow } from '../../repo/benefits';
import type { Actor } from '../actor';
import { allOf, notBurned, present, unclaimed, unexpiredAt } from '../voucher-ops/guards';
import { changeBenefit } from './change';
import type { GeoPoint } from './geo';
import { benefitNotFound, redeemRefusal } from './refusals';

export interface RedeemBenefitRequest {
  readonly benefitId: string;
  /** Accepted as WLL sends it; the engine keeps no location. */
  readonly position?: GeoPoint | undefined;
}

/**
 * redeem_benefit (docs/wll-face.md, "redeem_benefit"): reveals the code, i.e. Spaaza's claim (`claimed_at`).
 * Redeeming twice is refused, so of two concurrent redeems exactly one succeeds.
 */
export async function redeemBenefit(
  db: Kysely<Database>,
  actor: Actor,
  request: RedeemBenefitRequest,
  now: number,
): Promise<BenefitRow> {
  const gone = () => benefitNotFound(request.benefitId);
  return db.transaction().execute(async (trx) => {
    const row = await benefitByUuid(trx, actor.chainId, request.benefitId);
    if (!row) throw gone();
    return changeBenefit(
      trx,
      actor,
      row,
      now,
      (current) => {
        const refused = redeemRefusal(current, now);
        if (refused) throw refused;
        return {
          set: { claimed_at: now },
          guard: allOf(present, unclaimed, notBurned, unexpiredAt(now)),
          audits: ['claim'],
        };
      },
      gone,
    );
  });
}
