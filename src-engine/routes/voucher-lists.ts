import { Router, type Request } from 'express';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { code } from '../../src-shared/wire';
import type { Database } from '../db/schema';
import type { EngineDeps } from '../deps';
import { storeRefusal, type Actor } from '../domain/actor';
import { notBurned, unexpiredAt, unlockedAt } from '../domain/voucher-ops/guards';
import { findMember, type MemberRow } from '../domain/voucher-ops/members';
import { apiVersionOf, atLeast } from '../http/authenticate';
import { sendOk } from '../http/envelope';
import { refused as refusedError, valueOrRefuse } from '../http/errors';
import { thirdPartyIdRefusal } from '../domain/voucher-ops/third-party';
import { VOUCHER_ROW_JOINED_COLUMNS, type VoucherRow } from '../repo/vouchers';
import { toVoucherObject } from '../wire/voucher-object';
import { doubledBounds, filterGuards, voucherFilterFields } from './voucher-filters';
import {
  flagParam,
  idParam,
  memberFields,
  NAME_A_MEMBER,
  namesMember,
  ownerOf,
  readCall,
  wholeNumber,
} from './vouchers';

/* The read-only voucher calls: get-vouchers, get-user-vouchers, get-card (docs/spaaza-wire.md, "Voucher calls"). */

const getVouchersSchema = z
  .object({
    chain_id: idParam,
    ...memberFields,
    show_all_statuses: flagParam.default(false),
    show_redeemed: flagParam.default(false),
    show_expired: flagParam.default(false),
    locked: flagParam.optional(),
    store_code: code.optional(),
    number_results: wholeNumber(z.number().int().min(1).max(500)).default(100),
    results_offset: wholeNumber(z.number().int().min(0).max(1_000_000_000)).default(0),
    ...voucherFilterFields,
  })
  .refine((params) => params.store_code === undefined || params.locked === true, {
    message: 'store_code filters locks: send it with locked=true',
    path: ['store_code'],
  })
  .superRefine((params, context) => {
    for (const issue of doubledBounds(params)) context.addIssue({ code: 'custom', ...issue });
  });

const memberVouchersSchema = z
  .object({ chain_id: idParam.optional(), ...memberFields })
  .refine(namesMember, NAME_A_MEMBER);

/** get-user-vouchers: by default what the member still holds; `all` adds used and expired ones. */
const userVouchersSchema = z
  .object({
    chain_id: idParam.optional(),
    ...memberFields,
    filter: z.enum(['all'], { error: 'must be all, or left out' }).optional(),
  })
  .refine(namesMember, NAME_A_MEMBER);

type ListedVoucher = VoucherRow & { readonly campaign_title: string };

/** The chain's present vouchers with their owner and campaign title. */
function vouchersOfChain(db: Kysely<Database>, chainId: number) {
  return db
    .selectFrom('vouchers')
    .leftJoin('members', 'members.id', 'vouchers.member_id')
    .innerJoin('campaigns', 'campaigns.id', 'vouchers.campaign_id')
    .where('vouchers.chain_id', '=', chainId)
    .where('vouchers.deleted_at', 'is', null);
}

function selectListed(query: ReturnType<typeof vouchersOfChain>) {
  return query
    .selectAll('vouchers')
    .select([...VOUCHER_ROW_JOINED_COLUMNS, 'campaigns.title as campaign_title'])
    .orderBy('vouchers.id');
}

/** Unused and, at `now`, unexpired: what a customer still holds. */
function stillHeld(query: ReturnType<typeof vouchersOfChain>, now: number) {
  return query.where(notBurned).where(unexpiredAt(now));
}

type GetVouchersParams = z.output<typeof getVouchersSchema>;

function filteredVouchers(
  db: Kysely<Database>,
  chainId: number,
  params: GetVouchersParams,
  memberId: number | null,
  now: number,
) {
  let query = vouchersOfChain(db, chainId);
  if (memberId !== null) query = query.where('vouchers.member_id', '=', memberId);
  for (const guard of filterGuards(params, now)) query = query.where(guard);
  if (!params.show_all_statuses)
    query = query.where('vouchers.burned_at', params.show_redeemed ? 'is not' : 'is', null);
  if (!params.show_expired)
    query = query.where((eb) =>
      eb.or([
        eb('vouchers.burned_at', 'is not', null),
        eb('vouchers.expires_at', 'is', null),
        eb('vouchers.expires_at', '>', now),
      ]),
    );
  if (params.locked === true) query = query.where((eb) => eb.not(unlockedAt(now)(eb)));
  if (params.locked === false) query = query.where(unlockedAt(now));
  if (params.store_code !== undefined)
    query = query.where('vouchers.lock_store_code', '=', params.store_code);
  return query;
}

async function memberFilter(
  db: Kysely<Database>,
  chainId: number,
  params: GetVouchersParams,
): Promise<MemberRow | null> {
  return namesMember(params) ? valueOrRefuse(await findMember(db, chainId, ownerOf(params))) : null;
}

/** get-user-vouchers ≥ 1.6.5 nests the campaign; older versions keep flat campaign_* fields. */
function withCampaign(row: ListedVoucher, now: number, nested: boolean) {
  const {
    campaign_id: campaignId,
    campaign_exclusive: exclusive,
    ...voucher
  } = toVoucherObject(row, now);
  return nested
    ? { ...voucher, campaign: { campaign_id: campaignId, title: row.campaign_title, exclusive } }
    : {
        ...voucher,
        campaign_id: campaignId,
        campaign_title: row.campaign_title,
        campaign_exclusive: exclusive,
      };
}

/** get-vouchers shows the owner as a nested `user` and the type also as `type` (docs/spaaza-wire.md, "get-vouchers"). */
function chainListEntry(row: ListedVoucher, now: number) {
  return {
    ...withCampaign(row, now, false),
    type: row.voucher_type,
    user:
      row.member_id === null ? null : { user_id: row.member_id, member_number: row.member_number },
  };
}

/** A manager of one store lists only that store's locks: `store_code` is its own, named or not. */
function locksOfOwnStore(actor: Actor, params: GetVouchersParams): GetVouchersParams {
  const own = actor.storeCode ?? null;
  if (own === null || params.locked !== true) return params;
  const foreign = storeRefusal(actor, params.store_code ?? own);
  if (foreign) throw refusedError(foreign.error);
  return { ...params, store_code: own };
}

const nestsCampaign = (request: Request) => atLeast(apiVersionOf(request), [1, 6, 5]);
const namesCardCall = (request: Request) =>
  atLeast(apiVersionOf(request), [1, 4, 5]) ? 'get-card' : 'get-user-entity-card';

export function voucherListRoutes(deps: EngineDeps): Router {
  const router = Router();
  const db = deps.db.kysely;

  router.get('/get-vouchers', async (request, response) => {
    const call = await readCall(deps, request, 'manager', getVouchersSchema);
    const { actor, now } = call;
    const params = locksOfOwnStore(actor, call.params);
    if (params.third_party_id !== undefined) {
      const refused = await thirdPartyIdRefusal(db, actor.chainId);
      if (refused) throw refusedError(refused.error);
    }
    const member = await memberFilter(db, actor.chainId, params);
    const query = filteredVouchers(db, actor.chainId, params, member?.id ?? null, now);
    const { total } = await query
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow();
    const rows = await selectListed(query)
      .limit(params.number_results)
      .offset(params.results_offset)
      .execute();
    sendOk(response, {
      result_type: 'get-vouchers',
      results_count_total: total,
      vouchers: rows.map((row) => chainListEntry(row, now)),
    });
  });

  router.get('/get-user-vouchers', async (request, response) => {
    const { actor, params, now } = await readCall(deps, request, 'terminal', userVouchersSchema);
    const member = valueOrRefuse(await findMember(db, actor.chainId, ownerOf(params)));
    const ofChain = vouchersOfChain(db, actor.chainId);
    const rows = await selectListed(
      (params.filter === 'all' ? ofChain : stillHeld(ofChain, now)).where(
        'vouchers.member_id',
        '=',
        member.id,
      ),
    ).execute();
    const nested = nestsCampaign(request);
    const present = (types: readonly string[]) =>
      rows
        .filter((row) => types.includes(row.voucher_type))
        .map((row) => withCampaign(row, now, nested));
    sendOk(response, {
      result_type: 'get-user-vouchers',
      basket_vouchers: present(['basket', 'basket_pct']),
      honour_vouchers: present(['honour']),
      var_price_vouchers: [],
    });
  });

  router.get('/get-card', async (request, response) => {
    const { actor, params, now } = await readCall(deps, request, 'terminal', memberVouchersSchema);
    const member = valueOrRefuse(await findMember(db, actor.chainId, ownerOf(params)));
    const rows = await selectListed(
      stillHeld(vouchersOfChain(db, actor.chainId), now)
        .where('vouchers.member_id', '=', member.id)
        .where('vouchers.claimed_at', 'is not', null),
    ).execute();
    sendOk(response, {
      result_type: namesCardCall(request),
      user_info: { user_id: member.id, member_number: member.member_number, name: member.name },
      vouchers: rows.map((row) => withCampaign(row, now, false)),
    });
  });
  return router;
}
