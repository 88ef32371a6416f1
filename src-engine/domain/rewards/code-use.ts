import { sql } from 'kysely';
import type { Executor } from '../../repo/vouchers';

/*
 * validate_voucher finds a benefit by the code value alone, so a value must stand for one kind
 * of code in the chain: a voucher's own code (OTP and Spaaza codes), a code vouchers share (a
 * STATIC reward's, a taken pool code), a pool code (taken or not) or a STATIC reward's code.
 * Only the benefits of one STATIC reward, and repeats within one pool (allow_duplicates),
 * share a value. Every writer of a code value asks this module first. It is a check, not a
 * constraint: an upload racing a purchase that draws the same value could pass both checks
 * (one value in 31^8 for the default OTP format); benefitByCode refuses such a clash.
 */

export type CodeKind = 'voucher code' | 'shared code' | 'pool code' | 'static code';

export interface CodeUse {
  readonly value: string;
  readonly kind: CodeKind;
}

export interface CodeUseScope {
  /**
   * A POOL campaign whose own codes, and the benefits that took them, do not count: repeats
   * within a pool are governed by its upload's allow_duplicates.
   */
  readonly exceptPoolOf?: number;
}

/** Values per query: four lists of bound parameters stay far below both databases' limits. */
const CHUNK = 250;

/** Which of `values` the chain already uses as a code, and as what (each pair once). */
export async function codesInUse(
  db: Executor,
  chainId: number,
  values: readonly string[],
  scope: CodeUseScope = {},
): Promise<CodeUse[]> {
  const unique = [...new Set(values)];
  const uses: CodeUse[] = [];
  for (let start = 0; start < unique.length; start += CHUNK)
    uses.push(...(await usesOf(db, chainId, unique.slice(start, start + CHUNK), scope)));
  return uses;
}

export async function codeInUse(db: Executor, chainId: number, value: string): Promise<boolean> {
  return (await codesInUse(db, chainId, [value])).length > 0;
}

/** `A (pool code), B (voucher code)`: how a refusal names the clashing values. */
export function describeUses(uses: readonly CodeUse[], listed = 20): string {
  const shown = uses.slice(0, listed).map((use) => `${use.value} (${use.kind})`);
  return uses.length > listed
    ? `${shown.join(', ')} and ${uses.length - listed} more`
    : shown.join(', ');
}

const kind = (name: CodeKind) => sql.lit<CodeKind>(name).as('kind');

function usesOf(
  db: Executor,
  chainId: number,
  values: readonly string[],
  scope: CodeUseScope,
): Promise<CodeUse[]> {
  // campaign ids start at 1, so without a pool to leave out every code counts
  const poolLeftOut = scope.exceptPoolOf ?? 0;
  const own = db
    .selectFrom('vouchers')
    .select((eb) => [eb.ref('code').$castTo<string>().as('value'), kind('voucher code')])
    .where('chain_id', '=', chainId)
    .where('code', 'in', values);
  const shared = db
    .selectFrom('vouchers')
    .select((eb) => [eb.ref('shared_code').$castTo<string>().as('value'), kind('shared code')])
    .where('chain_id', '=', chainId)
    .where('shared_code', 'in', values)
    .where('campaign_id', '!=', poolLeftOut);
  const pooled = db
    .selectFrom('reward_pool_codes')
    .select((eb) => [eb.ref('value').as('value'), kind('pool code')])
    .where('chain_id', '=', chainId)
    .where('value', 'in', values)
    .where('campaign_id', '!=', poolLeftOut);
  const statics = db
    .selectFrom('campaigns')
    .select((eb) => [eb.ref('static_code').$castTo<string>().as('value'), kind('static code')])
    .where('chain_id', '=', chainId)
    .where('static_code', 'in', values);
  return own.union(shared).union(pooled).union(statics).orderBy('value').orderBy('kind').execute();
}
