import type { z } from 'zod';
import type { TimeBound } from '../../src-shared/wire/time-bound';
import type { Guard } from '../domain/voucher-ops/guards';
import { boundAt, doubledBoundIssues, isoBound, relativeBound } from './time-bound-params';
import { flagParam, idParam, thirdPartyIdParam } from './vouchers';

/*
 * get-vouchers' narrowing filters (docs/spaaza-wire.md, "get-vouchers"): by voucher, campaign,
 * third-party id, descent and date bounds. Every filter given must hold (they AND together).
 */

/** Which column each date filter bounds. */
const BOUNDED = {
  created: 'vouchers.created_at',
  expiry: 'vouchers.expires_at',
  redeemed: 'vouchers.burned_at',
} as const;
type Bounded = keyof typeof BOUNDED;
const BOUNDED_NAMES: readonly Bounded[] = ['created', 'expiry', 'redeemed'];
const EDGES = ['min', 'max'] as const;
type Edge = (typeof EDGES)[number];

type BoundName = `${Edge}_${Bounded}_datetime`;
type BoundField = BoundName | `${BoundName}_relative`;
const boundName = (edge: Edge, bounded: Bounded): BoundName => `${edge}_${bounded}_datetime`;

const boundFields = {
  min_created_datetime: isoBound.optional(),
  min_created_datetime_relative: relativeBound.optional(),
  max_created_datetime: isoBound.optional(),
  max_created_datetime_relative: relativeBound.optional(),
  min_expiry_datetime: isoBound.optional(),
  min_expiry_datetime_relative: relativeBound.optional(),
  max_expiry_datetime: isoBound.optional(),
  max_expiry_datetime_relative: relativeBound.optional(),
  min_redeemed_datetime: isoBound.optional(),
  min_redeemed_datetime_relative: relativeBound.optional(),
  max_redeemed_datetime: isoBound.optional(),
  max_redeemed_datetime_relative: relativeBound.optional(),
} satisfies Record<BoundField, z.ZodType>;

export const voucherFilterFields = {
  voucher_id: idParam.optional(),
  campaign_id: idParam.optional(),
  third_party_id: thirdPartyIdParam.optional(),
  exclude_regenerated: flagParam.default(false),
  ...boundFields,
};

/** The date filters as parsed, by their parameter names. */
type BoundParams = Readonly<Partial<Record<BoundField, TimeBound | undefined>>>;

/** A bound given both as a time and relative to now is ambiguous: the relative one is named. */
export const doubledBounds = (params: BoundParams) =>
  doubledBoundIssues(
    params,
    EDGES.flatMap((edge) => BOUNDED_NAMES.map((bounded) => boundName(edge, bounded))),
  );

export interface VoucherFilters {
  readonly voucher_id?: number | undefined;
  readonly campaign_id?: number | undefined;
  readonly third_party_id?: string | undefined;
  readonly exclude_regenerated: boolean;
}

/**
 * The conditions of the filters given, at `now`. A date bound is inclusive, and a voucher
 * without that date (never expires, not redeemed) is outside every bound on it.
 */
export function filterGuards(filters: VoucherFilters & BoundParams, now: number): Guard[] {
  const guards: Guard[] = [];
  const { voucher_id: voucherId, campaign_id: campaignId, third_party_id: thirdPartyId } = filters;
  if (voucherId !== undefined) guards.push((eb) => eb('vouchers.id', '=', voucherId));
  if (campaignId !== undefined) guards.push((eb) => eb('vouchers.campaign_id', '=', campaignId));
  if (thirdPartyId !== undefined)
    guards.push((eb) => eb('vouchers.third_party_id', '=', thirdPartyId));
  // a remainder of a partial redemption and a return's voucher both descend from another
  if (filters.exclude_regenerated)
    guards.push((eb) => eb('vouchers.parent_voucher_id', 'is', null));
  for (const bounded of BOUNDED_NAMES)
    for (const edge of EDGES) {
      const name = boundName(edge, bounded);
      const at = boundAt(filters, name, now);
      if (at === undefined) continue;
      guards.push((eb) => eb(BOUNDED[bounded], edge === 'min' ? '>=' : '<=', at));
    }
  return guards;
}
