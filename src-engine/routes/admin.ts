import { Router, type Request } from 'express';
import type { Kysely } from 'kysely';
import type { ChainVerdict } from '../../src-node/audit-chain';
import type { Result } from '../../src-shared/result';
import { iso, type FieldIssue } from '../../src-shared/wire';
import type { Database } from '../db/schema';
import type { EngineDeps } from '../deps';
import { createApiKey, listApiKeys, revokeApiKey, type ApiKeySummary } from '../domain/api-keys';
import type { Actor } from '../domain/actor';
import {
  createAccount,
  createCampaign,
  createChain,
  createMember,
  createStore,
  createVoucher,
  updateChainSettings,
} from '../domain/admin';
import {
  addPoolCodesFields,
  auditQueryFields,
  campaignInputFor,
  chainInputOf,
  chainSettingsFields,
  createAccountFields,
  createApiKeyFields,
  createCampaignFields,
  createChainFields,
  createMemberFields,
  createStoreFields,
  createVoucherFields,
  memberInputOf,
  newApiKeyOf,
  poolStockFields,
  voucherInputFor,
} from '../domain/admin-schemas';
import { verifyAudit } from '../domain/audit-verify';
import { poolStock, type PoolStock } from '../domain/rewards/pool-stock';
import { addPoolCodes } from '../domain/rewards/pool-upload';
import { campaignById, rewardSummary } from '../domain/rewards/settings';
import { findVoucher } from '../repo/vouchers';
import { authenticate } from '../http/authenticate';
import { authorize } from '../http/authorize';
import { sendOk } from '../http/envelope';
import { EngineError, invalidParameters, valueOrRefuse } from '../http/errors';
import { rowIdParams } from '../http/fields';
import { paramsOf, parseParams } from '../http/parse';
import { toVoucherObject } from '../wire/voucher-object';

/** A key as the admin API shows it: never the key or its hash. */
function apiKeyObject(key: ApiKeySummary) {
  return {
    id: key.id,
    label: key.label,
    role: key.role,
    created_at: iso(key.createdAt),
    created_by: key.createdBy,
    expires_at: key.expiresAt === null ? null : iso(key.expiresAt),
    revoked_at: key.revokedAt === null ? null : iso(key.revokedAt),
  };
}

function valueOrInvalid<T>(result: Result<T, FieldIssue[]>): T {
  if (!result.ok) throw invalidParameters(result.error);
  return result.value;
}

/** Chains span tenants, so only a privileged API key may create one; an admin account may not. */
function requirePrivileged(actor: Actor): void {
  if (actor.role !== 'privileged') {
    throw new EngineError(
      'permission_denied_or_non_existent',
      `this needs a privileged API key; ${actor.name} is ${actor.role}`,
    );
  }
}

/** The caller's chain's audit trail, newest first, with each voucher's key. */
async function auditEntries(
  db: Kysely<Database>,
  chainId: number,
  query: { limit: number; voucher_key?: string | undefined },
) {
  let select = db
    .selectFrom('audit_log')
    .leftJoin('vouchers', 'vouchers.id', 'audit_log.voucher_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.actor',
      'audit_log.action',
      'audit_log.basket_code',
      'audit_log.reason',
      'vouchers.voucher_key',
    ])
    .where('audit_log.chain_id', '=', chainId);
  if (query.voucher_key !== undefined)
    select = select.where('vouchers.voucher_key', '=', query.voucher_key.toLowerCase());
  const rows = await select
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(query.limit)
    .execute();
  return rows.map((row) => ({
    audit_id: row.id,
    at: iso(row.at),
    actor: row.actor,
    action: row.action,
    voucher_key: row.voucher_key,
    basket_code: row.basket_code,
    reason: row.reason,
  }));
}

/** A chain's verdict on the wire: rows checked, and where it first broke. */
function verdictFields(verdict: ChainVerdict) {
  return {
    checked: verdict.checked,
    ...(verdict.brokenAt
      ? { broken_at: { seq: verdict.brokenAt.seq, reason: verdict.brokenAt.reason } }
      : {}),
  };
}

function stockAnswer(stock: PoolStock) {
  return {
    campaign_id: stock.campaignId,
    reward_id: stock.rewardId,
    total: stock.total,
    unused: stock.unused,
    threshold: stock.threshold,
  };
}

/** The admin operations of domain/admin.ts over HTTP, always within the caller's chain (docs/architecture.md, "Accounts and roles"). */
export function adminRoutes(deps: EngineDeps): Router {
  const router = Router();
  const db = deps.db.kysely;
  const admin = (request: Request): Promise<Actor> => authorize(deps, request, 'admin');

  router.post('/admin/chains', async (request, response) => {
    requirePrivileged(await authenticate(db, request, deps.now()));
    const fields = parseParams(createChainFields, paramsOf(request));
    const chainId = await createChain(db, chainInputOf(fields), deps.now());
    sendOk(response, {
      result_type: 'create-chain',
      chain_id: chainId,
      name: fields.name,
      currency: fields.currency,
      timezone: fields.timezone,
      uses_third_party_voucher_id: fields.uses_third_party_voucher_id ?? false,
    });
  });

  router.put('/admin/chain-settings', async (request, response) => {
    const { chainId } = await admin(request);
    const fields = parseParams(chainSettingsFields, paramsOf(request));
    const settings = await updateChainSettings(db, chainId, fields);
    sendOk(response, { result_type: 'update-chain-settings', chain_id: chainId, ...settings });
  });

  router.post('/admin/stores', async (request, response) => {
    const { chainId } = await admin(request);
    const { code, name } = parseParams(createStoreFields, paramsOf(request));
    const storeId = valueOrRefuse(await createStore(db, { chainId, code, name }));
    sendOk(response, {
      result_type: 'create-store',
      store_id: storeId,
      store_code: code,
      store_name: name,
    });
  });

  router.post('/admin/accounts', async (request, response) => {
    const { chainId } = await admin(request);
    const fields = parseParams(createAccountFields, paramsOf(request));
    const { username, role, store_code: storeCode } = fields;
    const accountId = valueOrRefuse(
      await createAccount(
        db,
        { chainId, username, password: fields.password, role, storeCode },
        deps.now(),
      ),
    );
    sendOk(response, {
      result_type: 'create-account',
      account_id: accountId,
      username,
      role,
      store_code: storeCode ?? null,
    });
  });

  router.post('/admin/members', async (request, response) => {
    const { chainId } = await admin(request);
    const input = memberInputOf(chainId, parseParams(createMemberFields, paramsOf(request)));
    const memberId = valueOrRefuse(await createMember(db, input, deps.now()));
    sendOk(response, {
      result_type: 'create-member',
      member_id: memberId,
      member_number: input.memberNumber,
      name: input.name ?? null,
      username: input.username ?? null,
      authentication_point_identifier: input.authenticationPointIdentifier ?? null,
    });
  });

  router.post('/admin/campaigns', async (request, response) => {
    const { chainId } = await admin(request);
    const fields = parseParams(createCampaignFields, paramsOf(request));
    const input = valueOrInvalid(await campaignInputFor(db, chainId, fields));
    const { id: campaignId } = valueOrRefuse(await createCampaign(db, input, deps.now()));
    const campaign = valueOrRefuse(await campaignById(db, chainId, campaignId));
    sendOk(response, {
      result_type: 'create-campaign',
      campaign_id: campaignId,
      title: input.title,
      voucher_type: input.incentive.type,
      campaign_type: campaign.campaign_type,
      ...rewardSummary(campaign),
      ...(campaign.code_type === 'POOL'
        ? { pool: stockAnswer(valueOrRefuse(await poolStock(db, chainId, campaignId))) }
        : {}),
    });
  });

  router.post('/admin/campaigns/:id/codes', async (request, response) => {
    const { chainId } = await admin(request);
    const fields = parseParams(addPoolCodesFields, {
      ...paramsOf(request),
      campaign_id: request.params.id,
    });
    const stock = valueOrRefuse(
      await addPoolCodes(
        deps.db,
        { chainId, campaignId: fields.campaign_id },
        { codes: fields.codes, allowDuplicates: fields.allow_duplicates ?? false },
        deps.now(),
      ),
    );
    sendOk(response, { result_type: 'add-pool-codes', added: stock.added, ...stockAnswer(stock) });
  });

  router.get('/admin/campaigns/:id/codes', async (request, response) => {
    const { chainId } = await admin(request);
    const { campaign_id } = parseParams(poolStockFields, { campaign_id: request.params.id });
    sendOk(response, {
      result_type: 'get-pool-codes',
      ...stockAnswer(valueOrRefuse(await poolStock(db, chainId, campaign_id))),
    });
  });

  router.post('/admin/vouchers', async (request, response) => {
    const actor = await admin(request);
    const fields = parseParams(createVoucherFields, paramsOf(request));
    const input = valueOrInvalid(await voucherInputFor(db, actor.chainId, fields));
    const now = deps.now();
    const created = valueOrRefuse(await createVoucher(db, actor, input, now));
    const row = await findVoucher(db, actor.chainId, { id: created.id });
    if (!row) throw new Error(`voucher ${created.id} vanished after it was created`);
    sendOk(response, { result_type: 'create-voucher', voucher: toVoucherObject(row, now) });
  });

  router.post('/admin/api-keys', async (request, response) => {
    const actor = await admin(request);
    const fields = parseParams(createApiKeyFields, paramsOf(request));
    const input = newApiKeyOf(fields, actor.role);
    const key = valueOrRefuse(await createApiKey(db, actor, input, deps.now()));
    // the key is shown this once: only its hash is stored
    sendOk(response, {
      result_type: 'create-api-key',
      label: fields.label,
      role: input.role,
      expires_at: fields.expires === undefined ? null : iso(fields.expires),
      api_key: key,
    });
  });

  router.get('/admin/api-keys', async (request, response) => {
    const { chainId } = await admin(request);
    const keys = await listApiKeys(db, chainId);
    sendOk(response, { result_type: 'get-api-keys', api_keys: keys.map(apiKeyObject) });
  });

  router.post('/admin/api-keys/:id/revoke', async (request, response) => {
    const actor = await admin(request);
    const { id } = parseParams(rowIdParams, request.params);
    const revoked = valueOrRefuse(await revokeApiKey(db, actor, id, deps.now()));
    sendOk(response, { result_type: 'revoke-api-key', api_key: apiKeyObject(revoked) });
  });

  router.get('/admin/audit', async (request, response) => {
    const { chainId } = await admin(request);
    const query = parseParams(auditQueryFields, request.query);
    sendOk(response, {
      result_type: 'get-audit-log',
      entries: await auditEntries(db, chainId, query),
    });
  });

  router.get('/admin/audit/verify', async (request, response) => {
    const { chainId } = await admin(request);
    const verdict = await verifyAudit(db, chainId);
    sendOk(response, {
      result_type: 'verify-audit',
      ok: verdict.ok,
      ...verdictFields(verdict.own),
      tills: verdict.tills.map((till) => ({
        till_id: till.tillId,
        ok: till.ok,
        ...verdictFields(till),
      })),
    });
  });
  return router;
}
