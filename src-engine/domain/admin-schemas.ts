import type { Kysely } from 'kysely';
import { z } from 'zod';
import { parseDecimal, toMinorUnits } from '../../src-shared/money';
import { err, ok, type Result } from '../../src-shared/result';
import type { FieldIssue } from '../../src-shared/validation';
import { isCalendarDate } from '../../src-shared/wire/datetime';
import { code, currencyCode, voucherKey } from '../../src-shared/wire/fields';
import type { Database } from '../db/schema';
import type { CampaignIncentive, CampaignInput, MemberInput, VoucherInput } from './admin';
import {
  MAX_CODE_CHARS,
  MAX_CODE_LENGTH,
  MIN_CODE_LENGTH,
  DEFAULT_CODE_FORMAT,
  formattedLength,
  templateProblem,
} from './rewards/code-format';
import { MAX_CODES_PER_UPLOAD } from './rewards/pool-upload';
import type { RewardCodeSettings } from './rewards/settings';
import type { ApiKeySummary, NewApiKey } from './api-keys';

/** An ISO 8601 instant with its offset, as epoch milliseconds. */
const isoInstant = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 time such as 2027-01-31T23:59:59Z' })
  .refine((text) => isCalendarDate(text.slice(0, 10)), 'is not a date in the calendar')
  .transform((text) => Date.parse(text));

/*
 * The fields of each admin operation, validated once for both faces: the admin HTTP
 * endpoints (JSON or form bodies) and the admin CLI (flags, which arrive as text). Numbers
 * and flags therefore also accept their text form. Amounts need the chain's currency, so
 * they are converted after parsing, by campaignInputFor and voucherInputFor.
 */

/** Digits become a number; anything else is left for the number schema to refuse. */
function digitsToNumber(value: unknown): unknown {
  return typeof value === 'string' && /^\s*-?\d{1,15}\s*$/.test(value) ? Number(value) : value;
}

const wholeNumber = (min: number, max: number) =>
  z.preprocess(
    digitsToNumber,
    z
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`),
  );

/** Ids are 32-bit integer columns on PostgreSQL. */
const MAX_ID = 2_147_483_647;

const flag = z.preprocess(
  (value) => (value === 'true' ? true : value === 'false' ? false : value),
  z.boolean(),
);

/** Decimal major units as a JSON number or as text; checked against the currency on conversion. */
const decimalAmount = z.union([z.number(), z.string().trim().min(1)], {
  error: 'must be a decimal number such as 5.00',
});

const RATIO_DECIMALS = 6;

/** 0 < ratio ≤ 1 with at most 6 decimals, as parts per million (exact: no binary fractions). */
export const discountRatioPpm = decimalAmount.transform((value, context) => {
  const parsed = parseDecimal(value);
  const refuse = (message: string) => {
    context.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  if (!parsed.ok) return refuse(parsed.error.message);
  const { coefficient, scale } = parsed.value;
  if (scale > RATIO_DECIMALS) return refuse(`must have at most ${RATIO_DECIMALS} decimals`);
  const ppm = coefficient * 10n ** BigInt(RATIO_DECIMALS - scale);
  if (ppm <= 0n || ppm > 1_000_000n) return refuse('must be more than 0 and at most 1');
  return Number(ppm);
});

/** Offsets such as "+01:00" pass Intl too, but a chain's zone must be a named IANA zone. */
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

function canonicalTimeZone(name: string): string | null {
  if (!IANA_NAME.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const timeZone = z
  .string()
  .trim()
  .transform((name, context) => {
    const canonical = canonicalTimeZone(name);
    if (canonical !== null) return canonical;
    context.addIssue({
      code: 'custom',
      message: `must be an IANA time zone such as Europe/Amsterdam (got "${name}")`,
    });
    return z.NEVER;
  });

const name = z.string().trim().min(1).max(200);
const memberNumber = z.string().trim().min(1).max(64);

/** A child voucher (a remainder, a return's) is valid for at least this many days. */
const childVoucherMinDays = wholeNumber(0, 3650);

export const createChainFields = z.object({
  name,
  currency: currencyCode,
  timezone: timeZone,
  /** Whether the voucher calls may name a voucher by its third_party_id. */
  uses_third_party_voucher_id: flag.optional(),
  child_voucher_min_days: childVoucherMinDays.optional(),
});
export type CreateChainFields = z.output<typeof createChainFields>;

/** What createChain takes from the fields. */
export function chainInputOf(fields: CreateChainFields) {
  return {
    name: fields.name,
    currency: fields.currency,
    timezone: fields.timezone,
    usesThirdPartyVoucherId: fields.uses_third_party_voucher_id,
    childVoucherMinDays: fields.child_voucher_min_days,
  };
}

export const chainSettingsFields = z.object({ child_voucher_min_days: childVoucherMinDays });

export const createStoreFields = z.object({ code, name });

/** A password an account is given or changes to. */
export const newPassword = z.string().min(8, 'must be at least 8 characters').max(256);

export const createAccountFields = z.object({
  username: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[\w.@-]+$/, 'may hold letters, digits and . _ @ - only'),
  password: newPassword,
  role: z.enum(['terminal', 'manager', 'admin']),
  /** The store a terminal or manager account belongs to (admins reach the whole chain). */
  store_code: code.optional(),
});

export const createMemberFields = z.object({
  member_number: memberNumber,
  name: name.nullish(),
  /** Spaaza's username, an e-mail address as a rule; not checked as one, as clients vary. */
  username: z.string().trim().min(1).max(254).nullish(),
  /** The member's id in a third-party identity system. */
  authentication_point_identifier: z.string().trim().min(1).max(128).nullish(),
});
export type CreateMemberFields = z.output<typeof createMemberFields>;

/** What createMember takes from the fields. */
export function memberInputOf(chainId: number, fields: CreateMemberFields): MemberInput {
  return {
    chainId,
    memberNumber: fields.member_number,
    name: fields.name ?? null,
    username: fields.username ?? null,
    authenticationPointIdentifier: fields.authentication_point_identifier ?? null,
  };
}

const onlyFor = (voucherType: string) =>
  z.undefined({ error: `only a ${voucherType} campaign takes this field` }).optional();

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/**
 * Pool codes as one text (separated by commas and/or newlines) or as a list of texts: each
 * trimmed, blanks dropped. Repeats are checked against the pool when the codes are added.
 */
export const poolCodeList = z
  .union([z.string(), z.array(z.string())], {
    error: 'must be codes separated by commas or newlines, or a list of codes',
  })
  .transform((given, context) => {
    const codes = (typeof given === 'string' ? given.split(/[,\r\n]+/) : given)
      .map((value) => value.trim())
      .filter((value) => value !== '');
    const refuse = (message: string) => {
      context.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    if (codes.length === 0) return refuse('must hold at least one code');
    if (codes.length > MAX_CODES_PER_UPLOAD)
      return refuse(`at most ${MAX_CODES_PER_UPLOAD} codes per upload (got ${codes.length})`);
    const tooLong = codes.find((value) => value.length > MAX_CODE_CHARS);
    if (tooLong !== undefined)
      return refuse(`a code has at most ${MAX_CODE_CHARS} characters (${tooLong.slice(0, 20)}…)`);
    const unprintable = codes.find((value) => !PRINTABLE_ASCII.test(value));
    if (unprintable !== undefined)
      return refuse(
        `codes may hold printable ASCII characters only (${JSON.stringify(unprintable)})`,
      );
    return codes;
  });

const codeTemplate = z
  .string()
  .max(MAX_CODE_CHARS)
  .superRefine((template, context) => {
    const problem = templateProblem(template);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  });

/** How a campaign sold as a reward gives its benefits their codes; all absent: not a reward. */
const rewardFields = {
  code_type: z.enum(['OTP', 'POOL', 'STATIC'], { error: 'must be OTP, POOL or STATIC' }).optional(),
  code_template: codeTemplate.optional(),
  code_length: wholeNumber(MIN_CODE_LENGTH, MAX_CODE_LENGTH).optional(),
  static_code: code.optional(),
  hide_code: flag.optional(),
  pool_threshold: wholeNumber(0, 1_000_000).optional(),
  codes: poolCodeList.optional(),
  allow_duplicates: flag.optional(),
};

type RewardFields = { [K in keyof typeof rewardFields]?: z.output<(typeof rewardFields)[K]> };

/** Which code type each reward field belongs to (hide_code: every type). */
const FIELD_CODE_TYPE: readonly [Exclude<keyof RewardFields, 'code_type' | 'hide_code'>, string][] =
  [
    ['code_template', 'OTP'],
    ['code_length', 'OTP'],
    ['static_code', 'STATIC'],
    ['pool_threshold', 'POOL'],
    ['codes', 'POOL'],
    ['allow_duplicates', 'POOL'],
  ];

/** Each reward field given for the wrong code type (or without one), and what a type lacks. */
function rewardFieldIssues(fields: RewardFields): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const type = fields.code_type;
  for (const [field, owner] of FIELD_CODE_TYPE) {
    if (fields[field] !== undefined && type !== owner)
      issues.push({ path: field, message: `only a code_type ${owner} reward takes this field` });
  }
  if (fields.hide_code !== undefined && type === undefined)
    issues.push({
      path: 'hide_code',
      message: 'only a reward (with a code_type) takes this field',
    });
  if (type === 'STATIC' && fields.static_code === undefined)
    issues.push({ path: 'static_code', message: 'a STATIC reward needs its code' });
  if (type === 'OTP') {
    const format = {
      template: fields.code_template ?? DEFAULT_CODE_FORMAT.template,
      length: fields.code_length ?? DEFAULT_CODE_FORMAT.length,
    };
    if (formattedLength(format) > MAX_CODE_CHARS)
      issues.push({
        path: 'code_template',
        message: `with code_length ${format.length} its codes would be longer than ${MAX_CODE_CHARS} characters`,
      });
  }
  return issues;
}

/** Spaaza's campaign types (loyalty, wallet, signup, cashback, birthday …) as lower-case words. */
export const campaignType = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,31}$/, 'must be a campaign type such as loyalty or wallet');

const campaignCommon = {
  title: name,
  /** Absent: loyalty. create-voucher issues vouchers of loyalty and wallet campaigns only. */
  campaign_type: campaignType.optional(),
  lock_period_seconds: wholeNumber(1, 86_400).optional(),
  /** null: the campaign's vouchers never expire. */
  expiry_seconds: wholeNumber(1, 100 * 365 * 86_400)
    .nullable()
    .optional(),
  exclusive: flag.optional(),
  ...rewardFields,
};

export const createCampaignFields = z
  .discriminatedUnion(
    'voucher_type',
    [
      z.object({
        ...campaignCommon,
        voucher_type: z.literal('basket'),
        amount: decimalAmount,
        discount_ratio: onlyFor('basket_pct'),
        honour_code: onlyFor('honour'),
      }),
      z.object({
        ...campaignCommon,
        voucher_type: z.literal('basket_pct'),
        discount_ratio: discountRatioPpm,
        amount: onlyFor('basket'),
        honour_code: onlyFor('honour'),
      }),
      z.object({
        ...campaignCommon,
        voucher_type: z.literal('honour'),
        honour_code: code,
        amount: onlyFor('basket'),
        discount_ratio: onlyFor('basket_pct'),
      }),
    ],
    { error: 'must be basket, basket_pct or honour' },
  )
  .superRefine((fields, context) => {
    for (const issue of rewardFieldIssues(fields))
      context.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  });
export type CreateCampaignFields = z.output<typeof createCampaignFields>;

export const createVoucherFields = z.object({
  campaign_id: wholeNumber(1, MAX_ID),
  /** null or absent: an anonymous bearer voucher. */
  member_number: memberNumber.nullable().default(null),
  code: code.optional(),
  claimed: flag.optional(),
  /** Overrides the campaign's amount (basket campaigns only). */
  amount: decimalAmount.optional(),
  /** null: never expires; absent: the campaign's expiry period. */
  expires_at: isoInstant.nullable().optional(),
});
export type CreateVoucherFields = z.output<typeof createVoucherFields>;

export const addPoolCodesFields = z.object({
  campaign_id: wholeNumber(1, MAX_ID),
  codes: poolCodeList,
  allow_duplicates: flag.optional(),
});
export type AddPoolCodesFields = z.output<typeof addPoolCodesFields>;

export const poolStockFields = z.object({ campaign_id: wholeNumber(1, MAX_ID) });

export const createApiKeyFields = z.object({
  label: z.string().trim().min(1).max(100),
  /** Absent: the creator's own role. */
  role: z.enum(['terminal', 'manager', 'admin', 'privileged']).optional(),
  expires: isoInstant.optional(),
});

/** The key to create, from the admin's fields (the role is checked against the creator's). */
export function newApiKeyOf(
  fields: z.output<typeof createApiKeyFields>,
  creatorRole: NewApiKey['role'],
): NewApiKey {
  return {
    label: fields.label,
    role: fields.role ?? creatorRole,
    expiresAt: fields.expires,
  };
}

/** One line per key for the CLI: id, label, role and its state. */
export function describeApiKey(key: ApiKeySummary): string {
  const state =
    key.revokedAt !== null
      ? `revoked ${new Date(key.revokedAt).toISOString()}`
      : key.expiresAt !== null
        ? `expires ${new Date(key.expiresAt).toISOString()}`
        : 'active';
  return `${key.id}\t${key.label}\t${key.role}\t${state}\tcreated by ${key.createdBy ?? 'unknown'}`;
}

export const auditQueryFields = z.object({
  limit: wholeNumber(1, 1000).default(100),
  voucher_key: voucherKey.optional(),
});

async function chainCurrency(db: Kysely<Database>, chainId: number): Promise<string> {
  const chain = await db
    .selectFrom('chains')
    .select('currency')
    .where('id', '=', chainId)
    .executeTakeFirstOrThrow();
  return chain.currency;
}

function positiveMinorUnits(
  field: string,
  amount: number | string,
  currency: string,
): Result<number, FieldIssue[]> {
  const minor = toMinorUnits(amount, currency);
  if (!minor.ok) return err([{ path: field, message: minor.error.message }]);
  if (minor.value <= 0) return err([{ path: field, message: 'must be more than 0' }]);
  return minor;
}

/** The reward settings of checked campaign fields; undefined for a campaign not sold as a reward. */
function rewardSettingsOf(fields: CreateCampaignFields): RewardCodeSettings | undefined {
  const hideCode = fields.hide_code ?? false;
  switch (fields.code_type) {
    case undefined:
      return undefined;
    case 'OTP':
      return {
        type: 'OTP',
        hideCode,
        format: {
          template: fields.code_template ?? DEFAULT_CODE_FORMAT.template,
          length: fields.code_length ?? DEFAULT_CODE_FORMAT.length,
        },
      };
    case 'STATIC':
      if (fields.static_code === undefined)
        throw new Error('unreachable: the schema refuses a STATIC reward without static_code');
      return { type: 'STATIC', hideCode, staticCode: fields.static_code };
    case 'POOL':
      return {
        type: 'POOL',
        hideCode,
        threshold: fields.pool_threshold ?? null,
        ...(fields.codes === undefined
          ? {}
          : {
              initialCodes: {
                codes: fields.codes,
                allowDuplicates: fields.allow_duplicates ?? false,
              },
            }),
      };
  }
}

/** The campaign to create in the chain, its amount in the chain's minor units. */
export async function campaignInputFor(
  db: Kysely<Database>,
  chainId: number,
  fields: CreateCampaignFields,
): Promise<Result<CampaignInput, FieldIssue[]>> {
  let incentive: CampaignIncentive;
  switch (fields.voucher_type) {
    case 'basket': {
      const amount = positiveMinorUnits('amount', fields.amount, await chainCurrency(db, chainId));
      if (!amount.ok) return amount;
      incentive = { type: 'basket', amount: amount.value };
      break;
    }
    case 'basket_pct':
      incentive = { type: 'basket_pct', ratioPpm: fields.discount_ratio };
      break;
    case 'honour':
      incentive = { type: 'honour', honourCode: fields.honour_code };
      break;
  }
  return ok({
    chainId,
    title: fields.title,
    incentive,
    ...(fields.campaign_type === undefined ? {} : { campaignType: fields.campaign_type }),
    ...(fields.lock_period_seconds === undefined
      ? {}
      : { lockPeriodSeconds: fields.lock_period_seconds }),
    ...(fields.expiry_seconds === undefined ? {} : { expirySeconds: fields.expiry_seconds }),
    ...(fields.exclusive === undefined ? {} : { exclusive: fields.exclusive }),
    reward: rewardSettingsOf(fields),
  });
}

/** The voucher to issue in the chain; an amount only for a basket campaign, in minor units. */
export async function voucherInputFor(
  db: Kysely<Database>,
  chainId: number,
  fields: CreateVoucherFields,
): Promise<Result<VoucherInput, FieldIssue[]>> {
  const input: VoucherInput = {
    chainId,
    campaignId: fields.campaign_id,
    memberNumber: fields.member_number,
    ...(fields.code === undefined ? {} : { code: fields.code }),
    ...(fields.claimed === undefined ? {} : { claimed: fields.claimed }),
    ...(fields.expires_at === undefined ? {} : { expiresAt: fields.expires_at }),
  };
  if (fields.amount === undefined) return ok(input);
  const campaign = await db
    .selectFrom('campaigns')
    .select('voucher_type')
    .where('id', '=', fields.campaign_id)
    .where('chain_id', '=', chainId)
    .executeTakeFirst();
  // an unknown campaign is refused by createVoucher itself, as campaign_not_found
  if (campaign && campaign.voucher_type !== 'basket') {
    return err([
      {
        path: 'amount',
        message: `only a basket campaign's voucher has an amount; campaign ${fields.campaign_id} is ${campaign.voucher_type}`,
      },
    ]);
  }
  const amount = positiveMinorUnits('amount', fields.amount, await chainCurrency(db, chainId));
  return amount.ok ? ok({ ...input, amount: amount.value }) : amount;
}
