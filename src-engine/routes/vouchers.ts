import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { code, isCalendarDate, voucherKey, wireFlag } from '../../src-shared/wire';
import type { Role } from '../db/schema';
import type { EngineDeps } from '../deps';
import { chainRefusal, type Actor } from '../domain/actor';
import type { VoucherRef } from '../domain/voucher-ops/change';
import { issueVoucher } from '../domain/voucher-ops/issue';
import { lockVoucher, unlockVoucher } from '../domain/voucher-ops/lock';
import type { OwnerRef } from '../domain/voucher-ops/members';
import {
  claimVoucher,
  deleteVoucher,
  expireVoucher,
  unclaimVoucher,
} from '../domain/voucher-ops/ownership';
import { burnVoucher } from '../domain/voucher-ops/burn';
import type { Outcome } from '../domain/refusal';
import type { VoucherRow } from '../repo/vouchers';
import { authorize } from '../http/authorize';
import { sendOk } from '../http/envelope';
import { refused, valueOrRefuse } from '../http/errors';
import { paramsOf, parseParams } from '../http/parse';
import { toVoucherObject } from '../wire/voucher-object';

/* Parameters arrive form-encoded (all text) or as JSON, so numbers and flags accept both forms. */

const fromDigits = (value: unknown) =>
  typeof value === 'string' && /^\s*\d{1,15}\s*$/.test(value) ? Number(value) : value;

export const wholeNumber = (schema: z.ZodNumber) => z.preprocess(fromDigits, schema);
export const idParam = wholeNumber(z.number().int().positive().max(Number.MAX_SAFE_INTEGER));

export const flagParam = wireFlag;

/** An amount in major units, as a JSON number or decimal text; the currency's rules apply later. */
const amountParam = z.custom<number | string>(
  (value) => typeof value === 'number' || (typeof value === 'string' && value.trim() !== ''),
  'must be an amount such as 2.50',
);

const expiryDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2027-12-31')
  .refine(isCalendarDate, 'is not a date in the calendar');

export const memberFields = {
  member_number: z.string().trim().min(1).max(64).optional(),
  user_id: idParam.optional(),
};

const voucherRefFields = {
  voucher_key: voucherKey.optional(),
  voucher_id: idParam.optional(),
  chain_id: idParam.optional(),
};

const namesVoucher = (params: { voucher_key?: string; voucher_id?: number }) =>
  params.voucher_key !== undefined || params.voucher_id !== undefined;
const NAME_A_VOUCHER = { message: 'send voucher_key or voucher_id', path: ['voucher_key'] };

export const namesMember = (params: { member_number?: string; user_id?: number }) =>
  params.member_number !== undefined || params.user_id !== undefined;
export const NAME_A_MEMBER = { message: 'send member_number or user_id', path: ['member_number'] };

const lockSchema = z
  .object({
    ...voucherRefFields,
    retailer_basket_code: code.optional(),
    voucher_lock_period: wholeNumber(z.number().int().min(1).max(86_400)).optional(),
    voucher_locking_code: code.optional(),
  })
  .refine(namesVoucher, NAME_A_VOUCHER);

const unlockSchema = z
  .object({
    ...voucherRefFields,
    // Spaaza's clients send no reason; our till's managers always give one
    reason: z.string().trim().min(3, 'say why, in at least 3 characters').max(500).optional(),
  })
  .refine(namesVoucher, NAME_A_VOUCHER);

const ownedVoucherSchema = z
  .object({ ...voucherRefFields, ...memberFields })
  .refine(namesVoucher, NAME_A_VOUCHER);

const redeemSchema = z
  .object({ ...voucherRefFields, ...memberFields, amount: amountParam.optional() })
  .refine(namesVoucher, NAME_A_VOUCHER);

const createSchema = z
  .object({
    chain_id: idParam.optional(),
    campaign_id: idParam,
    ...memberFields,
    voucher_amount: amountParam.optional(),
    set_claimed: flagParam.default(false),
    expiry_date: expiryDate.optional(),
    voucher_code: code.optional(),
  })
  .refine(namesMember, NAME_A_MEMBER);

type RefParams = z.output<typeof ownedVoucherSchema>;

const refOf = (params: Pick<RefParams, 'voucher_key' | 'voucher_id'>): VoucherRef => ({
  key: params.voucher_key,
  id: params.voucher_id,
});

export const ownerOf = (params: Pick<RefParams, 'member_number' | 'user_id'>): OwnerRef => ({
  memberNumber: params.member_number,
  userId: params.user_id,
});

/** Parses the parameters only after authentication, so a stranger learns nothing about them. */
export async function readCall<S extends z.ZodType<{ chain_id?: number | undefined }>>(
  deps: EngineDeps,
  request: Request,
  role: Role,
  schema: S,
): Promise<{ actor: Actor; params: z.output<S>; now: number }> {
  const actor = await authorize(deps, request, role);
  const params = parseParams(schema, paramsOf(request));
  const otherChain = chainRefusal(actor, params.chain_id);
  if (otherChain) throw refused(otherChain.error);
  return { actor, params, now: deps.now() };
}

function sendVoucher(
  response: Response,
  resultType: string,
  outcome: Outcome<VoucherRow>,
  now: number,
): void {
  sendOk(response, { result_type: resultType, ...toVoucherObject(valueOrRefuse(outcome), now) });
}

/** PUT /lock-voucher … DELETE /delete-voucher and POST /auth/redeem-voucher (docs/spaaza-wire.md, "Voucher calls"). */
export function voucherRoutes(deps: EngineDeps): Router {
  const router = Router();
  const db = deps.db.kysely;

  router.put('/lock-voucher', async (request, response) => {
    const { actor, params, now } = await readCall(deps, request, 'terminal', lockSchema);
    const row = await lockVoucher(
      db,
      actor,
      {
        ref: refOf(params),
        basketCode: params.retailer_basket_code ?? null,
        lockingCode: params.voucher_locking_code ?? null,
        periodSeconds: params.voucher_lock_period,
      },
      now,
    );
    sendVoucher(response, 'lock-voucher', row, now);
  });

  const unlock: RequestHandler = async (request, response) => {
    const { actor, params, now } = await readCall(deps, request, 'manager', unlockSchema);
    const row = await unlockVoucher(
      db,
      actor,
      { ref: refOf(params), reason: params.reason ?? null },
      now,
    );
    sendVoucher(response, 'unlock-voucher', row, now);
  };
  router.put('/unlock-voucher', unlock);
  router.post('/unlock-voucher', unlock);

  const claim: RequestHandler = async (request, response) => {
    const { actor, params, now } = await readCall(deps, request, 'terminal', ownedVoucherSchema);
    const row = await claimVoucher(db, actor, { ref: refOf(params), owner: ownerOf(params) }, now);
    sendVoucher(response, 'claim-voucher', row, now);
  };
  router.post('/claim-voucher', claim);
  router.put('/claim-voucher', claim);

  const unclaim: RequestHandler = async (request, response) => {
    const { actor, params, now } = await readCall(deps, request, 'terminal', ownedVoucherSchema);
    const row = await unclaimVoucher(
      db,
      actor,
      { ref: refOf(params), owner: ownerOf(params) },
      now,
    );
    sendVoucher(response, 'unclaim-voucher', row, now);
  };
  router.post('/unclaim-voucher', unclaim);
  router.put('/unclaim-voucher', unclaim);

  router.post('/create-voucher', async (request, response) => {
    const { actor, params, now } = await readCall(deps, request, 'admin', createSchema);
    const row = await issueVoucher(
      db,
      actor,
      {
        campaignId: params.campaign_id,
        owner: ownerOf(params),
        amount: params.voucher_amount,
        claimed: params.set_claimed,
        expiryDate: params.expiry_date,
        code: params.voucher_code,
      },
      now,
    );
    sendVoucher(response, 'create-voucher', row, now);
  });

  const expire: RequestHandler = async (request, response) => {
    const { actor, params, now } = await readCall(deps, request, 'manager', ownedVoucherSchema);
    const row = await expireVoucher(db, actor, { ref: refOf(params), owner: ownerOf(params) }, now);
    sendVoucher(response, 'expire-voucher', row, now);
  };
  router.post('/expire-voucher', expire);
  router.put('/expire-voucher', expire);

  router.delete('/delete-voucher', async (request, response) => {
    const { actor, params, now } = await readCall(deps, request, 'manager', ownedVoucherSchema);
    const row = valueOrRefuse(
      await deleteVoucher(db, actor, { ref: refOf(params), owner: ownerOf(params) }, now),
    );
    sendOk(response, {
      result_type: 'delete-voucher',
      voucher_key: row.voucher_key,
      voucher_id: row.id,
    });
  });

  const redeem: RequestHandler = async (request, response) => {
    const { actor, params, now } = await readCall(deps, request, 'admin', redeemSchema);
    const redemption = valueOrRefuse(
      await burnVoucher(
        db,
        actor,
        { ref: refOf(params), owner: ownerOf(params), amount: params.amount },
        now,
      ),
    );
    sendOk(response, {
      result_type: 'redeem-voucher',
      ...toVoucherObject(redemption.voucher, now),
      redeeming_basket: null,
      regenerated_voucher:
        redemption.regenerated === null
          ? null
          : toVoucherObject(redemption.regenerated, now, redemption.voucher.voucher_key),
    });
  };
  router.post('/auth/redeem-voucher', redeem);
  router.put('/auth/redeem-voucher', redeem);
  return router;
}
