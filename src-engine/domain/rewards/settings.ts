import type { Insertable, Selectable } from 'kysely';
import type { CampaignTable } from '../../db/schema';
import { ok } from '../../../src-shared/result';
import type { Executor } from '../../repo/vouchers';
import { refuse, type Outcome } from '../refusal';
import { DEFAULT_CODE_FORMAT, type CodeFormat } from './code-format';

/** How a campaign sold as a reward gives each benefit its code (docs/wll-face.md, "Reward codes"). */
export type RewardCodeSettings =
  | { readonly type: 'OTP'; readonly format: CodeFormat; readonly hideCode: boolean }
  | {
      readonly type: 'POOL';
      /** At or below this many unused codes a CODE_POOL_LOW event is reported; null: never. */
      readonly threshold: number | null;
      readonly hideCode: boolean;
      readonly initialCodes?: PoolUpload;
    }
  | { readonly type: 'STATIC'; readonly staticCode: string; readonly hideCode: boolean };

/** Codes for a pool, already split, trimmed and without blanks. */
export interface PoolUpload {
  readonly codes: readonly string[];
  /** Repeats hand the same value out several times (a partner's shared code capping purchases). */
  readonly allowDuplicates: boolean;
}

type RewardColumns = Pick<
  Insertable<CampaignTable>,
  'code_type' | 'code_template' | 'code_length' | 'static_code' | 'hide_code' | 'pool_threshold'
>;

/** The campaign columns of the settings; none (a campaign not sold as a reward) when absent. */
export function rewardColumns(settings: RewardCodeSettings | undefined): RewardColumns {
  return {
    code_type: settings?.type ?? null,
    code_template: settings?.type === 'OTP' ? settings.format.template : null,
    code_length: settings?.type === 'OTP' ? settings.format.length : null,
    static_code: settings?.type === 'STATIC' ? settings.staticCode : null,
    hide_code: settings?.hideCode ? 1 : 0,
    pool_threshold: settings?.type === 'POOL' ? settings.threshold : null,
  };
}

export type RewardCampaignRow = Selectable<CampaignTable>;

/** The OTP format a campaign stores (the defaults fill columns left empty). */
export function codeFormatOf(campaign: RewardCampaignRow): CodeFormat {
  return {
    template: campaign.code_template ?? DEFAULT_CODE_FORMAT.template,
    length: campaign.code_length ?? DEFAULT_CODE_FORMAT.length,
  };
}

/** What the admin answers show of a campaign's reward side. */
export function rewardSummary(campaign: RewardCampaignRow) {
  return {
    reward_id: campaign.uuid,
    code_type: campaign.code_type,
    code_template: campaign.code_type === 'OTP' ? codeFormatOf(campaign).template : null,
    code_length: campaign.code_type === 'OTP' ? codeFormatOf(campaign).length : null,
    static_code: campaign.static_code,
    hide_code: campaign.hide_code === 1,
    pool_threshold: campaign.pool_threshold,
  };
}

export async function campaignById(
  db: Executor,
  chainId: number,
  campaignId: number,
): Promise<Outcome<RewardCampaignRow>> {
  const campaign = await db
    .selectFrom('campaigns')
    .selectAll()
    .where('id', '=', campaignId)
    .where('chain_id', '=', chainId)
    .executeTakeFirst();
  return campaign
    ? ok(campaign)
    : refuse('campaign_not_found', `no campaign ${campaignId} in this chain`);
}
