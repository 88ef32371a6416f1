import type { Executor } from './vouchers';

/** The chain's store with this code, or undefined. */
export async function findStore(
  db: Executor,
  chainId: number,
  code: string,
): Promise<{ id: number; code: string } | undefined> {
  return db
    .selectFrom('stores')
    .select(['id', 'code'])
    .where('chain_id', '=', chainId)
    .where('code', '=', code)
    .executeTakeFirst();
}
