import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { WllStatus } from '../../../src-shared/vouchers';
import type { Database } from '../../db/schema';
import { selectBenefits, type BenefitRow } from '../../repo/benefits';
import type { Executor } from '../../repo/vouchers';

export interface BenefitQuery {
  /** Any of these states; every state when empty. */
  readonly states: readonly WllStatus[];
  /** The owner's member number. */
  readonly owner?: string | undefined;
  readonly rewardId?: string | undefined;
  /** The benefit's code value: its own code or the one it shares. */
  readonly code?: string | undefined;
  readonly limit: number;
  readonly skip: number;
  /** By createdAt, then by id in the same direction. */
  readonly order: 'ASC' | 'DESC';
}

type BenefitExpressions = ExpressionBuilder<Database, 'vouchers'>;

/**
 * `benefitState` (wire/benefit.ts) as SQL, so that the database filters before it pages:
 * burned > validated > redeemed > expired (only while untouched) > created.
 */
function inState(eb: BenefitExpressions, state: WllStatus, now: number): Expression<SqlBool> {
  const burned = eb('vouchers.burned_at', 'is not', null);
  const notBurned = eb('vouchers.burned_at', 'is', null);
  const validated = eb('vouchers.validated_at', 'is not', null);
  const untouched = eb.and([
    notBurned,
    eb('vouchers.validated_at', 'is', null),
    eb('vouchers.claimed_at', 'is', null),
  ]);
  switch (state) {
    case 'BURNED':
      return burned;
    case 'VALIDATED':
      return eb.and([notBurned, validated]);
    case 'REDEEMED':
      return eb.and([
        notBurned,
        eb('vouchers.validated_at', 'is', null),
        eb('vouchers.claimed_at', 'is not', null),
      ]);
    case 'EXPIRED':
      return eb.and([untouched, eb('vouchers.expires_at', '<=', now)]);
    case 'CREATED':
      return eb.and([
        untouched,
        eb.or([eb('vouchers.expires_at', 'is', null), eb('vouchers.expires_at', '>', now)]),
      ]);
  }
}

/** GET /benefits: the chain's present benefits, filtered and paged by the database. */
export async function listBenefits(
  db: Executor,
  chainId: number,
  query: BenefitQuery,
  now: number,
): Promise<BenefitRow[]> {
  let select = selectBenefits(db, chainId);
  if (query.states.length > 0) {
    const { states } = query;
    select = select.where((eb) => eb.or(states.map((state) => inState(eb, state, now))));
  }
  if (query.owner !== undefined) select = select.where('members.member_number', '=', query.owner);
  if (query.rewardId !== undefined)
    select = select.where('campaigns.uuid', '=', query.rewardId.toLowerCase());
  if (query.code !== undefined) {
    const { code } = query;
    select = select.where((eb) =>
      eb.or([eb('vouchers.code', '=', code), eb('vouchers.shared_code', '=', code)]),
    );
  }
  const direction = query.order === 'ASC' ? 'asc' : 'desc';
  return select
    .orderBy('vouchers.created_at', direction)
    .orderBy('vouchers.id', direction)
    .limit(query.limit)
    .offset(query.skip)
    .execute();
}
