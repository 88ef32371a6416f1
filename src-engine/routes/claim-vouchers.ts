import { Router } from 'express';
import { z } from 'zod';
import type { EngineDeps } from '../deps';
import { chainRefusal } from '../domain/actor';
import { claimVouchers } from '../domain/claim-vouchers';
import { authorize } from '../http/authorize';
import { sendOk } from '../http/envelope';
import { refused, valueOrRefuse } from '../http/errors';
import { parseParams, requireJson } from '../http/parse';
import { toVoucherObject } from '../wire/voucher-object';
import {
  idParam,
  lockFields,
  memberFields,
  NAME_A_MEMBER,
  NAME_A_VOUCHER,
  namesMember,
  namesVoucher,
  ownerOf,
  refOf,
  thirdPartyIdParam,
} from './vouchers';
import { voucherKey } from '../../src-shared/wire';

/** The most vouchers one claim-vouchers call claims, as Spaaza allows. */
export const MAX_CLAIMED_VOUCHERS = 10;

const claimVouchersSchema = z.looseObject({
  entity: z.looseObject({ chain_id: idParam.optional() }).optional(),
  user: z.looseObject(memberFields).refine(namesMember, NAME_A_MEMBER),
  vouchers: z
    .array(
      z
        .looseObject({
          voucher_key: voucherKey.optional(),
          voucher_id: idParam.optional(),
          third_party_id: thirdPartyIdParam.optional(),
        })
        .refine(namesVoucher, NAME_A_VOUCHER),
    )
    .min(1, 'name at least one voucher')
    .max(MAX_CLAIMED_VOUCHERS, `at most ${String(MAX_CLAIMED_VOUCHERS)} vouchers per call`),
  locking: z.looseObject(lockFields).optional(),
});

/** POST /claim-vouchers (docs/spaaza-wire.md, "claim-vouchers"). */
export function claimVouchersRoutes(deps: EngineDeps): Router {
  const router = Router();
  router.post('/claim-vouchers', async (request, response) => {
    const actor = await authorize(deps, request, 'terminal');
    requireJson(request, 'claim-vouchers');
    const body = parseParams(claimVouchersSchema, request.body);
    const otherChain = chainRefusal(actor, body.entity?.chain_id);
    if (otherChain) throw refused(otherChain.error);
    const now = deps.now();
    const { locking } = body;
    const rows = valueOrRefuse(
      await claimVouchers(
        deps.db.kysely,
        actor,
        {
          owner: ownerOf(body.user),
          vouchers: body.vouchers.map(refOf),
          locking:
            locking === undefined
              ? null
              : {
                  basketCode: locking.retailer_basket_code ?? null,
                  lockingCode: locking.voucher_locking_code ?? null,
                  periodSeconds: locking.voucher_lock_period,
                },
        },
        now,
      ),
    );
    sendOk(response, {
      result_type: 'claim-vouchers',
      vouchers: rows.map((row) => toVoucherObject(row, now)),
    });
  });
  return router;
}
