import { Router } from 'express';
import type { EngineDeps } from '../deps';
import { requireRole } from '../domain/actor';
import { purchaseReward, purchaseRewardFields } from '../domain/rewards/purchase';
import { authenticate } from '../http/authenticate';
import { sendWll } from '../http/envelope';
import { paramsOf, parseParams } from '../http/parse';
import { benefitByVoucherId } from '../repo/benefits';
import { toBenefit } from '../wire/benefit';

/** The WLL reward commands (wll-api.md §3): purchase_reward. */
export function rewardsRoutes(deps: EngineDeps): Router {
  const router = Router();
  const db = deps.db.kysely;

  // Our callers buy on a member's behalf (API keys, admin accounts), never as the member.
  router.post('/commands/purchase_reward', async (request, response) => {
    const actor = await authenticate(db, request, deps.now());
    requireRole(actor, 'admin');
    const fields = parseParams(purchaseRewardFields, paramsOf(request));
    const now = deps.now();
    const voucherId = await purchaseReward(
      deps.db,
      actor,
      {
        chainId: actor.chainId,
        rewardId: fields.rewardId,
        memberNumber: fields.beneficiaryId,
        comment: fields.comment ?? null,
      },
      now,
    );
    const benefit = await benefitByVoucherId(db, actor.chainId, voucherId);
    if (!benefit) throw new Error(`benefit of voucher ${voucherId} vanished after its purchase`);
    sendWll(response, toBenefit(benefit), 201);
  });
  return router;
}
