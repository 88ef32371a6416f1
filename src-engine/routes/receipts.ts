import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { code } from '../../src-shared/wire';
import type { EngineDeps } from '../deps';
import { BASKET_NAMES, claimBasket } from '../domain/claim-basket';
import { getReceipts } from '../domain/receipts';
import { sendOk } from '../http/envelope';
import { valueOrRefuse } from '../http/errors';
import { toReceipt } from '../wire/receipt';
import {
  memberIdentityFields,
  NAME_ANY_MEMBER,
  namesAnyMember,
  ownerOfIdentity,
} from './member-params';
import { idParam, readCall, wholeNumber } from './vouchers';

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
    ...memberIdentityFields,
  })
  .refine(
    (params) =>
      params.basket_id !== undefined ||
      params.retailer_basket_code !== undefined ||
      params.supplementary_basket_code !== undefined,
    { message: BASKET_NAMES, path: ['basket_id'] },
  )
  .refine(namesAnyMember, NAME_ANY_MEMBER);

/** An ISO 8601 date-time with its offset, as the instant it names. */
const isoInstant = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time such as 2026-11-23T14:05:00Z' })
  .transform((text) => Date.parse(text));

const getReceiptsSchema = z
  .object({
    chain_id: idParam.optional(),
    ...basketRefFields,
    ...memberIdentityFields,
    branch_business_owner_code: code.optional(),
    min_basket_datetime: isoInstant.optional(),
    max_basket_datetime: isoInstant.optional(),
    number_results: wholeNumber(z.number().int().min(1).max(MAX_RECEIPTS_PER_PAGE)).optional(),
    results_offset: wholeNumber(z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)).optional(),
  })
  .refine(
    (params) =>
      params.min_basket_datetime === undefined ||
      params.max_basket_datetime === undefined ||
      params.min_basket_datetime <= params.max_basket_datetime,
    { message: 'must not be before min_basket_datetime', path: ['max_basket_datetime'] },
  );

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
          owner: ownerOfIdentity(params),
        },
        now,
      ),
    );
    sendOk(response, { result_type: 'claim-basket', basket: toReceipt(receipt, now) });
  };
  router.post('/auth/claim-basket', claim);

  router.get('/get-receipts', async (request, response) => {
    const { actor, params, now } = await readCall(deps, request, 'terminal', getReceiptsSchema);
    const found = valueOrRefuse(
      await getReceipts(db, actor, {
        filter: {
          id: params.basket_id,
          code: params.retailer_basket_code,
          storeCode: params.branch_business_owner_code,
          soldFrom: params.min_basket_datetime,
          soldUntil: params.max_basket_datetime,
        },
        member: namesAnyMember(params) ? ownerOfIdentity(params) : null,
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
