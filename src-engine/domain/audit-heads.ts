import { GENESIS_HASH, type ChainHead } from '../../src-node/audit-chain';
import type { Executor } from '../repo/vouchers';

/** One chain: a chain's own trail (till id '') or one till's copy. */
export interface ChainRef {
  readonly chainId: number;
  readonly tillId: string;
}

/**
 * The chain's head, locked until the transaction `trx` ends: appends to one chain run one after
 * another, in every engine process. The no-op UPDATE takes PostgreSQL's row lock (as SELECT …
 * FOR UPDATE would, in a form SQLite also reads; SQLite has one writer anyway). A chain with
 * no head yet gets one at seq 0.
 */
export async function lockHead(trx: Executor, chain: ChainRef): Promise<ChainHead> {
  const locked = await lockExisting(trx, chain);
  if (locked) return locked;
  await trx
    .insertInto('audit_heads')
    .values({ chain_id: chain.chainId, till_id: chain.tillId, seq: 0, row_hash: GENESIS_HASH })
    .onConflict((conflict) => conflict.columns(['chain_id', 'till_id']).doNothing())
    .execute();
  const created = await lockExisting(trx, chain);
  if (!created) throw new Error(`the audit head of chain ${chain.chainId} was not created`);
  return created;
}

async function lockExisting(trx: Executor, chain: ChainRef): Promise<ChainHead | undefined> {
  const row = await trx
    .updateTable('audit_heads')
    .set((eb) => ({ seq: eb.ref('seq') }))
    .where('chain_id', '=', chain.chainId)
    .where('till_id', '=', chain.tillId)
    .returning(['seq', 'row_hash'])
    .executeTakeFirst();
  return row && { seq: row.seq, rowHash: row.row_hash };
}

/** Moves the locked head on to the row just appended. */
export async function advanceHead(trx: Executor, chain: ChainRef, head: ChainHead): Promise<void> {
  await trx
    .updateTable('audit_heads')
    .set({ seq: head.seq, row_hash: head.rowHash })
    .where('chain_id', '=', chain.chainId)
    .where('till_id', '=', chain.tillId)
    .execute();
}

/** The recorded head, unlocked, for verification; undefined for a chain never written. */
export async function readHead(db: Executor, chain: ChainRef): Promise<ChainHead | undefined> {
  const row = await db
    .selectFrom('audit_heads')
    .select(['seq', 'row_hash'])
    .where('chain_id', '=', chain.chainId)
    .where('till_id', '=', chain.tillId)
    .executeTakeFirst();
  return row && { seq: row.seq, rowHash: row.row_hash };
}
