import { z } from 'zod';
import { isUniqueViolation } from '../../db/errors';
import { ok } from '../../../src-shared/result';
import { inTransaction } from '../../db/transaction';
import type { Executor } from '../../repo/vouchers';
import type { Actor } from '../actor';
import { audit } from '../audit';
import { refuse, type Outcome } from '../refusal';
import { insertVoucher, voucherOfCampaign, type NewVoucher } from '../voucher-factory';
import { allocateUniqueCode, type CodeDraw } from './code-format';
import { codeInUse } from './code-use';
import type { DbWithDialect } from './pool-stock';
import { markTaken, reportLowStock, takeNextCode, type TakenCode } from './pool-take';
import { codeFormatOf, type RewardCampaignRow } from './settings';

/*
 * POST /commands/purchase_reward (docs/wll-face.md, "purchase_reward"): a benefit (a voucher, not yet claimed)
 * for a member, with a code by the reward's code type. Points are not kept by this engine, so
 * a purchase costs nothing here.
 */

export const purchaseRewardFields = z.object({
  rewardId: z.uuid({ error: 'must be a reward id (a UUID)' }).transform((id) => id.toLowerCase()),
  /** The member's number: purchases are made on a member's behalf. */
  beneficiaryId: z.string({ error: 'must be the member number' }).trim().min(1).max(64),
  comment: z.string().max(500).nullish(),
});

export interface PurchaseInput {
  readonly chainId: number;
  readonly rewardId: string;
  readonly memberNumber: string;
  readonly comment: string | null;
}

/**
 * Two purchases may draw the same OTP code at once; the second insert then breaks the unique
 * (chain_id, code) constraint, which aborts its transaction on PostgreSQL. The whole purchase
 * is retried, drawing afresh.
 */
const PURCHASE_ATTEMPTS = 3;

export interface PurchaseOptions {
  /** Where an OTP code's random part comes from (default: the CSPRNG's `randomCodePart`). */
  readonly draw?: CodeDraw;
}

/** Purchases the reward; returns the new voucher's id. */
export async function purchaseReward(
  db: DbWithDialect,
  actor: Actor,
  input: PurchaseInput,
  now: number,
  options: PurchaseOptions = {},
): Promise<Outcome<number>> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await inTransaction(db.kysely, (trx) =>
        purchaseOnce(trx, db.dialect, actor, input, now, options),
      );
    } catch (error) {
      if (attempt < PURCHASE_ATTEMPTS && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

async function rewardOf(db: Executor, input: PurchaseInput): Promise<Outcome<RewardCampaignRow>> {
  const campaign = await db
    .selectFrom('campaigns')
    .selectAll()
    .where('uuid', '=', input.rewardId)
    .where('chain_id', '=', input.chainId)
    .executeTakeFirst();
  if (!campaign) return refuse('reward_not_found', `no reward ${input.rewardId}`);
  if (campaign.code_type === null)
    return refuse(
      'reward_not_purchasable',
      `reward ${input.rewardId} ("${campaign.title}") is not sold as a reward: it has no code type`,
    );
  return ok(campaign);
}

async function memberIdOf(
  db: Executor,
  chainId: number,
  memberNumber: string,
): Promise<Outcome<number>> {
  const member = await db
    .selectFrom('members')
    .select('id')
    .where('chain_id', '=', chainId)
    .where('member_number', '=', memberNumber)
    .executeTakeFirst();
  return member
    ? ok(member.id)
    : refuse('member_not_found', `no member ${memberNumber} in this chain`);
}

type CodeColumns = Pick<NewVoucher, 'code' | 'shared_code' | 'code_uuid'>;

async function purchaseOnce(
  trx: Executor,
  dialect: DbWithDialect['dialect'],
  actor: Actor,
  input: PurchaseInput,
  now: number,
  options: PurchaseOptions,
): Promise<Outcome<number>> {
  const reward = await rewardOf(trx, input);
  if (!reward.ok) return reward;
  const campaign = reward.value;
  const member = await memberIdOf(trx, input.chainId, input.memberNumber);
  if (!member.ok) return member;
  const memberId = member.value;
  const chain = await trx
    .selectFrom('chains')
    .select('currency')
    .where('id', '=', input.chainId)
    .executeTakeFirstOrThrow();

  let poolCode: TakenCode | null = null;
  let codeColumns: CodeColumns;
  switch (campaign.code_type) {
    case 'OTP': {
      // a generated code must equal no code of any kind in the chain (code-use)
      const code = await allocateUniqueCode(
        codeFormatOf(campaign),
        (candidate) => codeInUse(trx, input.chainId, candidate),
        options.draw ? { draw: options.draw } : {},
      );
      if (!code.ok) return code;
      codeColumns = { code: code.value };
      break;
    }
    case 'STATIC':
      codeColumns = { code: null, shared_code: campaign.static_code };
      break;
    case 'POOL': {
      const taken = await takeNextCode(trx, dialect, campaign);
      if (!taken.ok) return taken;
      poolCode = taken.value;
      codeColumns = { code: null, shared_code: poolCode.value, code_uuid: poolCode.uuid };
      break;
    }
    case null:
      throw new Error('unreachable: rewardOf refuses campaigns without a code type');
  }

  const created = await insertVoucher(trx, {
    ...voucherOfCampaign(campaign, { currency: chain.currency, memberId, now }),
    ...codeColumns,
  });
  if (poolCode) await markTaken(trx, poolCode.id, created.id, now);
  await audit(trx, actor, 'purchase', now, { voucherId: created.id, reason: input.comment });
  if (poolCode) await reportLowStock(trx, dialect, campaign, now);
  return ok(created.id);
}
