import { Router } from 'express';
import type { EngineDeps } from '../deps';
import { chainPoolStocks } from '../domain/rewards/pool-stock';
import { authorize } from '../http/authorize';
import { sendOk } from '../http/envelope';

/**
 * GET /reward-pools: the chain's POOL rewards and how many codes each has left, for a store's
 * manager (docs/wll-face.md, "Reward codes"); adding codes stays an admin's.
 */
export function rewardPoolRoutes(deps: EngineDeps): Router {
  const router = Router();
  router.get('/reward-pools', async (request, response) => {
    const { chainId } = await authorize(deps, request, 'manager');
    const stocks = await chainPoolStocks(deps.db.kysely, chainId);
    sendOk(response, {
      result_type: 'get-reward-pools',
      pools: stocks.map((stock) => ({
        campaign_id: stock.campaignId,
        reward_id: stock.rewardId,
        title: stock.title,
        total: stock.total,
        unused: stock.unused,
        threshold: stock.threshold,
        low: stock.low,
      })),
    });
  });
  return router;
}
