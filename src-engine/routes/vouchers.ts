import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { code, isCalendarDate, voucherKey, wireFlag } from '../../src-shared/wire';
import type { Role } from '../db/schema';
import type { EngineDeps } from '../deps';
import { chainRefusal, type Actor } from '../domain/actor';
import type { VoucherRef } from '../domain/voucher-ops/change';
import { discountRatioPpm } from '../domain/admin-schemas';
import { issueVoucher, type LockOnCreation } from '../domain/voucher-ops/issue';
import { lockVoucher, unlockVoucher } from '../domain/voucher-ops/lock';
import { NAME_A_MEMBER_MESSAGE, namesOwner, type OwnerRef } from '../domain/voucher-ops/members';
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

/** The ways Spaaza clients name a member; several may be sent, and must then agree. */
export const memberFields = {
  member_number: z.string().trim().min(1).max(64).optional(),
  user_id: idParam.optional(),
  username: z.string().trim().min(1).max(254).optional(),
  authentication_point_identifier: z.string().trim().min(1).max(128).optional(),
};

/** A voucher's id in a third-party system. */
export const thirdPartyIdParam = z.string().trim().min(1).max(128);

const voucherRefFields = {
  voucher_key: voucherKey.optional(),
  voucher_id: idParam.optional(),
  third_party_id: thirdPartyIdParam.optional(),
  chain_id: idParam.optional(),
};

export const namesVoucher = (params: {
  voucher_key?: string;
  voucher_id?: number;
  third_party_id?: string;
}) =>
  params.voucher_key !== undefined ||
  params.voucher_id !== undefined ||
  params.third_party_id !== undefined;
export const NAME_A_VOUCHER = {
  message: 'send voucher_key, voucher_id or third_party_id',
  path: ['voucher_key'],
};

type MemberParams = { [K in keyof typeof memberFields]?: z.output<(typeof memberFields)[K]> };

export const ownerOf = (params: MemberParams): OwnerRef => ({
  memberNumber: params.member_number,
  userId: params.user_id,
  username: params.username,
  authenticationPointIdentifier: params.authentication_point_identifier,
});

export const namesMember = (params: MemberParams) => namesOwner(ownerOf(params));
export const NAME_A_MEMBER = { message: NAME_A_MEMBER_MESSAGE, path: ['member_number'] };

/** How a voucher is held: for a basket, under a code, for how many seconds. */
export const lockFields = {
  retailer_basket_code: code.optional(),
  voucher_lock_period: wholeNumber(z.number().int().min(1).max(86_400)).optional(),
  voucher_locking_code: code.optional(),
};

const lockSchema = z
  .object({ ...voucherRefFields, ...lockFields })
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

/** Optional text; an empty one (as form clients send for a field left blank) is absent. */
const optionalText = (max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.string().trim().max(max).optional(),
  );

const imageUrl = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z
    .url({ protocol: /^https?$/, error: 'must be an absolute http or https URL' })
    .max(2000)
    .optional(),
);

/** create-voucher (docs/spaaza-wire.md, "create-voucher"); no member named: an unowned voucher. */
const createSchema = z.object({
  chain_id: idParam.optional(),
  campaign_id: idParam,
  ...memberFields,
  voucher_type: z
    .enum(['basket', 'basket_pct', 'honour'], { error: 'must be basket, basket_pct or honour' })
    .optional(),
  voucher_amount: amountParam.optional(),
  voucher_discount_ratio: discountRatioPpm.optional(),
  voucher_honour_code: code.optional(),
  voucher_title: optionalText(200),
  voucher_text: optionalText(2000),
  voucher_description: optionalText(2000),
  voucher_notes: optionalText(2000),
  voucher_image_url: imageUrl,
  set_claimed: flagParam.default(false),
  delete_existing: flagParam.default(false),
  expiry_date: expiryDate.optional(),
  voucher_code: code.optional(),
  third_party_id: thirdPartyIdParam.optional(),
  ...lockFields,
});
type CreateParams = z.output<typeof createSchema>;

/** The lock create-voucher is asked for: any of the lock fields sent asks for one. */
function lockOnCreation(params: CreateParams): LockOnCreation | null {
  const { retailer_basket_code, voucher_locking_code, voucher_lock_period } = params;
  if (
    retailer_basket_code === undefined &&
    voucher_locking_code === undefined &&
    voucher_lock_period === undefined
  )
    return null;
  return {
    basketCode: retailer_basket_code ?? null,
    lockingCode: voucher_locking_code ?? null,
    periodSeconds: voucher_lock_period,
  };
}

type RefParams = z.output<typeof ownedVoucherSchema>;

export const refOf = (
  params: Pick<RefParams, 'voucher_key' | 'voucher_id' | 'third_party_id'>,
): VoucherRef => ({
  key: params.voucher_key,
  id: params.voucher_id,
  thirdPartyId: params.third_party_id,
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
        owner: namesMember(params) ? ownerOf(params) : null,
        incentive: {
          type: params.voucher_type,
          amount: params.voucher_amount,
          ratioPpm: params.voucher_discount_ratio,
          honourCode: params.voucher_honour_code,
        },
        texts: {
          title: params.voucher_title,
          text: params.voucher_text,
          description: params.voucher_description,
          notes: params.voucher_notes,
          imageUrl: params.voucher_image_url,
        },
        claimed: params.set_claimed,
        expiryDate: params.expiry_date,
        code: params.voucher_code,
        thirdPartyId: params.third_party_id,
        deleteExisting: params.delete_existing,
        lock: lockOnCreation(params),
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
        redemption.regenerated === null ? null : toVoucherObject(redemption.regenerated, now),
    });
  };
  router.post('/auth/redeem-voucher', redeem);
  router.put('/auth/redeem-voucher', redeem);
  return router;
}
