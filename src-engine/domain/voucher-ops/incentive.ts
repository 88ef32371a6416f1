import { ok } from '../../../src-shared/result';
import type { FieldIssue } from '../../../src-shared/validation';
import type { CampaignTable } from '../../db/schema';
import type { CampaignIncentive } from '../admin';
import { invalidFields, type Outcome } from '../refusal';
import { positiveAmount } from './amounts';

type VoucherType = CampaignTable['voucher_type'];

/** What create-voucher asks a voucher to give, beside its campaign's own incentive. */
export interface AskedIncentive {
  readonly type?: VoucherType | undefined;
  /** Major units as sent. */
  readonly amount?: number | string | undefined;
  readonly ratioPpm?: number | undefined;
  readonly honourCode?: string | undefined;
}

export interface CampaignValue {
  readonly voucher_type: VoucherType;
  readonly amount: number | null;
  readonly ratio_ppm: number | null;
  readonly honour_code: string | null;
}

/** The field each type takes, to name the one sent for the wrong type. */
const FIELD_OF: Readonly<Record<VoucherType, keyof AskedIncentive>> = {
  basket: 'amount',
  basket_pct: 'ratioPpm',
  honour: 'honourCode',
};
const WIRE_NAME: Readonly<Record<keyof AskedIncentive, string>> = {
  type: 'voucher_type',
  amount: 'voucher_amount',
  ratioPpm: 'voucher_discount_ratio',
  honourCode: 'voucher_honour_code',
};

/**
 * What a created voucher gives (docs/spaaza-wire.md, "create-voucher"). `voucher_type` may
 * switch a basket or basket_pct campaign's voucher between those two money types; an honour
 * campaign gives honour vouchers only, and only it does. Each type's value is the one sent,
 * else the campaign's when the campaign is of that type, else it is missing; a value of
 * another type is refused.
 */
export function resolveIncentive(
  campaign: CampaignValue,
  currency: string,
  asked: AskedIncentive,
): Outcome<CampaignIncentive> {
  const type = asked.type ?? campaign.voucher_type;
  if ((type === 'honour') !== (campaign.voucher_type === 'honour'))
    return invalidFields([
      {
        path: 'voucher_type',
        message: `a ${campaign.voucher_type} campaign cannot issue a ${type} voucher`,
      },
    ]);
  const misplaced: FieldIssue[] = Object.entries(FIELD_OF)
    .filter(([other, field]) => other !== type && asked[field] !== undefined)
    .map(([other, field]) => ({
      path: WIRE_NAME[field],
      message: `a ${campaign.voucher_type} campaign's ${type} voucher takes no ${WIRE_NAME[field]}; only a ${other} voucher does`,
    }));
  if (misplaced.length > 0) return invalidFields(misplaced);
  const own = campaign.voucher_type === type;
  const missing = () =>
    invalidFields([
      {
        path: WIRE_NAME[FIELD_OF[type]],
        message: `a ${type} voucher of a ${campaign.voucher_type} campaign needs this field`,
      },
    ]);
  switch (type) {
    case 'basket': {
      if (asked.amount !== undefined) {
        const amount = positiveAmount('voucher_amount', asked.amount, currency);
        return amount.ok ? ok({ type, amount: amount.value }) : amount;
      }
      return own && campaign.amount !== null ? ok({ type, amount: campaign.amount }) : missing();
    }
    case 'basket_pct': {
      const ratioPpm = asked.ratioPpm ?? (own ? campaign.ratio_ppm : null);
      return ratioPpm === null ? missing() : ok({ type, ratioPpm });
    }
    case 'honour': {
      const honourCode = asked.honourCode ?? campaign.honour_code;
      return honourCode === null ? missing() : ok({ type, honourCode });
    }
  }
}
