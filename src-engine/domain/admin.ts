import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { ok } from '../../src-shared/result';
import { isUniqueViolation } from '../db/errors';
import type { Database, Role } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { createAccount } from './accounts';
import type { Actor } from './actor';
import { audit } from './audit';
import { invalidFields, refuse, type Outcome } from './refusal';
import { codesInUse, describeUses } from './rewards/code-use';
import { insertPoolCodes } from './rewards/pool-upload';
import { rewardColumns, type RewardCodeSettings } from './rewards/settings';
import { incentiveColumns, insertVoucher, voucherOfCampaign } from './voucher-factory';

/* The operations an admin performs: the admin CLI and the admin HTTP endpoints both call these. */

export async function createChain(
  db: Kysely<Database>,
  input: {
    name: string;
    currency: string;
    timezone: string;
    /** Whether voucher calls may name a voucher by its third_party_id; off when absent. */
    usesThirdPartyVoucherId?: boolean | undefined;
    childVoucherMinDays?: number | undefined;
  },
  now: number,
): Promise<number> {
  const row = await db
    .insertInto('chains')
    .values({
      name: input.name,
      currency: input.currency,
      timezone: input.timezone,
      honour_rev: 0,
      created_at: now,
      uses_third_party_voucher_id: input.usesThirdPartyVoucherId === true ? 1 : 0,
      ...(input.childVoucherMinDays === undefined
        ? {}
        : { child_voucher_min_days: input.childVoucherMinDays }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createStore(
  db: Kysely<Database>,
  input: { chainId: number; code: string; name: string },
): Promise<Outcome<number>> {
  const row = await insertOrRefuse(
    () =>
      db
        .insertInto('stores')
        .values({ chain_id: input.chainId, code: input.code, name: input.name })
        .returning('id')
        .executeTakeFirstOrThrow(),
    `store ${input.code} exists`,
  );
  return row.ok ? ok(row.value.id) : row;
}

export { createAccount };

/** Changes the chain's settings; answers the chain's settings as they are now. */
export async function updateChainSettings(
  db: Kysely<Database>,
  chainId: number,
  settings: { child_voucher_min_days: number },
): Promise<{ child_voucher_min_days: number }> {
  return db
    .updateTable('chains')
    .set({ child_voucher_min_days: settings.child_voucher_min_days })
    .where('id', '=', chainId)
    .returning('child_voucher_min_days')
    .executeTakeFirstOrThrow();
}

/** Inserts, letting the unique constraint decide (no check-then-insert race); a clash is already_exists. */
async function insertOrRefuse<T>(insert: () => Promise<T>, clash: string): Promise<Outcome<T>> {
  try {
    return ok(await insert());
  } catch (error) {
    if (isUniqueViolation(error)) return refuse('already_exists', clash);
    throw error;
  }
}
export type { Role };

export interface MemberInput {
  readonly chainId: number;
  readonly memberNumber: string;
  readonly name?: string | null | undefined;
  /** Spaaza's username (an e-mail address); unique in the chain. */
  readonly username?: string | null | undefined;
  /** The member's id in a third-party identity system; unique in the chain. */
  readonly authenticationPointIdentifier?: string | null | undefined;
}

/** A member; a member number, username or identity id another member has is already_exists. */
export async function createMember(
  db: Kysely<Database>,
  input: MemberInput,
  now: number,
): Promise<Outcome<number>> {
  const taken = [
    `member_number ${input.memberNumber}`,
    ...(input.username ? [`username ${input.username}`] : []),
    ...(input.authenticationPointIdentifier
      ? [`authentication_point_identifier ${input.authenticationPointIdentifier}`]
      : []),
  ];
  const row = await insertOrRefuse(
    () =>
      db
        .insertInto('members')
        .values({
          chain_id: input.chainId,
          member_number: input.memberNumber,
          name: input.name ?? null,
          username: input.username ?? null,
          authentication_point_identifier: input.authenticationPointIdentifier ?? null,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    `a member with ${taken.join(' or ')} exists`,
  );
  return row.ok ? ok(row.value.id) : row;
}

export type CampaignIncentive =
  | { readonly type: 'basket'; readonly amount: number }
  | { readonly type: 'basket_pct'; readonly ratioPpm: number }
  | { readonly type: 'honour'; readonly honourCode: string };

export interface CampaignInput {
  readonly chainId: number;
  readonly title: string;
  readonly incentive: CampaignIncentive;
  /** Spaaza's campaign type; loyalty when absent. */
  readonly campaignType?: string;
  readonly lockPeriodSeconds?: number;
  readonly expirySeconds?: number | null;
  readonly exclusive?: boolean;
  /** How it is sold as a reward (purchase_reward); absent: it is not. */
  readonly reward?: RewardCodeSettings | undefined;
}

/**
 * Creates the campaign, with a POOL reward's initial codes in the same transaction; answers its
 * id and its public (reward) id.
 */
export async function createCampaign(
  db: Kysely<Database>,
  input: CampaignInput,
  now: number,
): Promise<Outcome<{ id: number; uuid: string }>> {
  const { incentive, reward } = input;
  return inTransaction(db, async (trx) => {
    if (reward?.type === 'STATIC') {
      const clashes = await codesInUse(trx, input.chainId, [reward.staticCode]);
      if (clashes.length > 0)
        return invalidFields([
          {
            path: 'static_code',
            message: `already in use in this chain: ${describeUses(clashes)}; a static code must differ from every other code`,
          },
        ]);
    }
    const campaign = await trx
      .insertInto('campaigns')
      .values({
        chain_id: input.chainId,
        title: input.title,
        ...(input.campaignType === undefined ? {} : { campaign_type: input.campaignType }),
        voucher_type: incentive.type,
        amount: incentive.type === 'basket' ? incentive.amount : null,
        ratio_ppm: incentive.type === 'basket_pct' ? incentive.ratioPpm : null,
        honour_code: incentive.type === 'honour' ? incentive.honourCode : null,
        lock_period_seconds: input.lockPeriodSeconds ?? 300,
        expiry_seconds: input.expirySeconds ?? null,
        exclusive: input.exclusive ? 1 : 0,
        created_at: now,
        uuid: randomUUID(),
        ...rewardColumns(reward),
        pool_low_notified: 0,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (reward?.type === 'POOL' && reward.initialCodes) {
      const inserted = await insertPoolCodes(trx, campaign, reward.initialCodes, now);
      if (!inserted.ok) return inserted;
    }
    return ok({ id: campaign.id, uuid: campaign.uuid });
  });
}

export interface VoucherInput {
  readonly chainId: number;
  readonly campaignId: number;
  /** The owner; null for an anonymous bearer voucher (honour codes handed out on paper). */
  readonly memberNumber: string | null;
  readonly code?: string | null;
  readonly claimed?: boolean;
  /** Overrides the campaign's amount for a `basket` voucher. */
  readonly amount?: number;
  readonly expiresAt?: number | null;
  /** The voucher's id in a third-party system; unique in the chain. */
  readonly thirdPartyId?: string | null | undefined;
  /** What the voucher gives instead of the campaign's incentive (create-voucher's voucher_type). */
  readonly incentive?: CampaignIncentive;
  readonly texts?: VoucherTexts;
}

/** What a voucher shows besides its value; a title absent is the campaign's. */
export interface VoucherTexts {
  readonly title?: string | undefined;
  readonly text?: string | undefined;
  readonly description?: string | undefined;
  readonly notes?: string | undefined;
  readonly imageUrl?: string | undefined;
}

/** Issues a voucher of a campaign: its value and lock period come from the campaign. */
export async function createVoucher(
  db: Kysely<Database>,
  actor: Actor,
  input: VoucherInput,
  now: number,
): Promise<Outcome<{ id: number; key: string }>> {
  return inTransaction(db, (trx) => createVoucherIn(trx, actor, input, now));
}

/** createVoucher inside the caller's transaction. */
export async function createVoucherIn(
  trx: Transaction<Database>,
  actor: Actor,
  input: VoucherInput,
  now: number,
): Promise<Outcome<{ id: number; key: string }>> {
  const campaign = await trx
    .selectFrom('campaigns')
    .selectAll()
    .where('id', '=', input.campaignId)
    .where('chain_id', '=', input.chainId)
    .executeTakeFirst();
  if (!campaign)
    return refuse('campaign_not_found', `no campaign ${input.campaignId} in this chain`);
  const chain = await trx
    .selectFrom('chains')
    .select('currency')
    .where('id', '=', input.chainId)
    .executeTakeFirstOrThrow();
  let memberId: number | null = null;
  if (input.memberNumber !== null) {
    const member = await trx
      .selectFrom('members')
      .select('id')
      .where('chain_id', '=', input.chainId)
      .where('member_number', '=', input.memberNumber)
      .executeTakeFirst();
    if (!member) return refuse('member_not_found', `no member ${input.memberNumber} in this chain`);
    memberId = member.id;
  }
  if (input.code) {
    // not only another voucher's own code: a shared, pool or static code would make the
    // value stand for two benefits at validate_voucher
    const clashes = await codesInUse(trx, input.chainId, [input.code]);
    if (clashes.length > 0)
      return refuse(
        'already_exists',
        `voucher code ${input.code} is taken: ${describeUses(clashes)}`,
      );
  }
  const thirdPartyId = input.thirdPartyId ?? null;
  const insert = () =>
    insertVoucher(trx, {
      ...voucherOfCampaign(campaign, {
        currency: chain.currency,
        memberId,
        now,
        amount: input.amount,
      }),
      ...(input.incentive === undefined ? {} : incentiveColumns(input.incentive)),
      ...textColumns(input.texts ?? {}),
      code: input.code ?? null,
      claimed_at: input.claimed ? now : null,
      ...(input.expiresAt === undefined ? {} : { expires_at: input.expiresAt }),
      third_party_id: thirdPartyId,
    });
  // the unique index decides a third-party id's clash; a refusal rolls the transaction back
  const inserted =
    thirdPartyId === null
      ? ok(await insert())
      : await insertOrRefuse(
          insert,
          `third_party_id ${thirdPartyId} is taken by another voucher of this chain`,
        );
  if (!inserted.ok) return inserted;
  const created = inserted.value;
  await audit(trx, actor, 'create', now, { voucherId: created.id });
  if (input.claimed) await audit(trx, actor, 'claim', now, { voucherId: created.id });
  return ok(created);
}

function textColumns(texts: VoucherTexts) {
  return {
    ...(texts.title === undefined ? {} : { title: texts.title }),
    voucher_text: texts.text ?? null,
    description: texts.description ?? null,
    notes: texts.notes ?? null,
    image_url: texts.imageUrl ?? null,
  };
}
