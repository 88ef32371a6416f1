import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { code } from '../../src-shared/wire';
import type { EngineDeps } from '../deps';
import { BASKET_NAMES, claimBasket } from '../domain/claim-basket';
import { getReceipts } from '../domain/receipts';
import { sendOk } from '../http/envelope';
import { invalidParameters, valueOrRefuse } from '../http/errors';
import { toReceipt } from '../wire/receipt';
import { boundAt, doubledBoundIssues, isoBound, relativeBound } from './time-bound-params';
import {
  idParam,
  memberFields,
  NAME_A_MEMBER,
  namesMember,
  ownerOf,
  readCall,
  wholeNumber,
} from './vouchers';

export const MAX_RECEIPTS_PER_PAGE = 500;
export const DEFAULT_RECEIPTS_PER_PAGE = 100;

const basketRefFields = {
  basket_id: idParam.optional(),
  retailer_basket_code: code.optional(),
};

const claimBasketSchema = z
  .object({
    chain_id: idParam.optional(),
    ...basketRefFields,
    supplementary_basket_code: code.optional(),
    ...memberFields,
  })
  .refine(
    (params) =>
      params.basket_id !== undefined ||
      params.retailer_basket_code !== undefined ||
      params.supplementary_basket_code !== undefined,
    { message: BASKET_NAMES, path: ['basket_id'] },
  )
  .refine(namesMember, NAME_A_MEMBER);

/** The sale-time bounds, each also relative to now (docs/spaaza-wire.md, "get-receipts"). */
const SALE_BOUNDS = ['min_basket_datetime', 'max_basket_datetime'] as const;

const getReceiptsSchema = z
  .object({
    chain_id: idParam.optional(),
    ...basketRefFields,
    ...memberFields,
    branch_business_owner_code: code.optional(),
    min_basket_datetime: isoBound.optional(),
    min_basket_datetime_relative: relativeBound.optional(),
    max_basket_datetime: isoBound.optional(),
    max_basket_datetime_relative: relativeBound.optional(),
    number_results: wholeNumber(z.number().int().min(1).max(MAX_RECEIPTS_PER_PAGE)).optional(),
    results_offset: wholeNumber(z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)).optional(),
  })
  .superRefine((params, context) => {
    for (const issue of doubledBoundIssues(params, SALE_BOUNDS))
      context.addIssue({ code: 'custom', ...issue });
  });

/** POST /auth/claim-basket and GET /get-receipts (docs/spaaza-wire.md, "claim-basket", "get-receipts"). */
export function receiptRoutes(deps: EngineDeps): Router {
  const router = Router();
  const db = deps.db.kysely;

  const claim: RequestHandler = async (request, response) => {
    const { actor, params, now } = await readCall(deps, request, 'terminal', claimBasketSchema);
    const receipt = valueOrRefuse(
      await claimBasket(
        db,
        actor,
        {
          basket: {
            id: params.basket_id,
            code: params.retailer_basket_code,
            supplementaryCode: params.supplementary_basket_code,
          },
          owner: ownerOf(params),
        },
        now,
      ),
    );
    sendOk(response, { result_type: 'claim-basket', basket: toReceipt(receipt, now) });
  };
  router.post('/auth/claim-basket', claim);

  router.get('/get-receipts', async (request, response) => {
    const { actor, params, now } = await readCall(deps, request, 'terminal', getReceiptsSchema);
    const soldFrom = boundAt(params, 'min_basket_datetime', now);
    const soldUntil = boundAt(params, 'max_basket_datetime', now);
    // relative bounds are only comparable once placed at now
    if (soldFrom !== undefined && soldUntil !== undefined && soldUntil < soldFrom)
      throw invalidParameters([
        { path: 'max_basket_datetime', message: 'must not be before min_basket_datetime' },
      ]);
    const found = valueOrRefuse(
      await getReceipts(db, actor, {
        filter: {
          id: params.basket_id,
          code: params.retailer_basket_code,
          storeCode: params.branch_business_owner_code,
          soldFrom,
          soldUntil,
        },
        member: namesMember(params) ? ownerOf(params) : null,
        page: {
          limit: params.number_results ?? DEFAULT_RECEIPTS_PER_PAGE,
          offset: params.results_offset ?? 0,
        },
      }),
    );
    sendOk(response, {
      result_type: 'get-receipts',
      results_count_total: found.total,
      receipts: found.receipts.map((receipt) => toReceipt(receipt, now)),
    });
  });
  return router;
}
