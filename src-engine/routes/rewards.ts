import { Router } from 'express';
import type { EngineDeps } from '../deps';
import { purchaseReward, purchaseRewardFields } from '../domain/rewards/purchase';
import { authorize } from '../http/authorize';
import { sendWll } from '../http/envelope';
import { valueOrRefuse } from '../http/errors';
import { bodyOf, parseParams } from '../http/parse';
import { benefitByVoucherId } from '../repo/benefits';
import { toBenefit } from '../wire/benefit';

/** The WLL reward commands under /commands (docs/wll-face.md, "purchase_reward"): purchase_reward. */
export function rewardCommandRoutes(deps: EngineDeps): Router {
  const router = Router();
  const db = deps.db.kysely;

  // Our callers buy on a member's behalf (API keys, admin accounts), never as the member.
  router.post('/purchase_reward', async (request, response) => {
    const actor = await authorize(deps, request, 'admin');
    const fields = parseParams(purchaseRewardFields, bodyOf(request));
    const now = deps.now();
    const voucherId = valueOrRefuse(
      await purchaseReward(
        deps.db,
        actor,
        {
          chainId: actor.chainId,
          rewardId: fields.rewardId,
          memberNumber: fields.beneficiaryId,
          comment: fields.comment ?? null,
        },
        now,
      ),
    );
    const benefit = await benefitByVoucherId(db, actor.chainId, voucherId);
    if (!benefit) throw new Error(`benefit of voucher ${voucherId} vanished after its purchase`);
    sendWll(response, toBenefit(benefit), 201);
  });
  return router;
}
