import {
  ChainWalker,
  tillAuditColumnsContent,
  type ChainedRow,
  type ChainVerdict,
} from '../../src-node/audit-chain';
import type { Executor } from '../repo/vouchers';
import { ENGINE_CHAIN, engineAuditContent } from './audit-chain-rows';
import { readHead, type ChainRef } from './audit-heads';

/** Rows read per query while walking a chain. */
const PAGE = 1000;

/** A till's copy of its chain, verified. */
export interface TillChainVerdict extends ChainVerdict {
  readonly tillId: string;
}

/** The chain's own trail and every till chain it holds. */
export interface AuditVerdict {
  /** True when the chain's trail and every till chain verify. */
  readonly ok: boolean;
  readonly own: ChainVerdict;
  readonly tills: readonly TillChainVerdict[];
}

/** Walks the chain's trail and each till chain stored for it, reporting the first break of each. */
export async function verifyAudit(db: Executor, chainId: number): Promise<AuditVerdict> {
  const own = await verifyEngineChain(db, chainId);
  const tillHeads = await db
    .selectFrom('audit_heads')
    .select('till_id')
    .where('chain_id', '=', chainId)
    .where('till_id', '<>', ENGINE_CHAIN)
    .orderBy('till_id')
    .execute();
  const tills: TillChainVerdict[] = [];
  for (const { till_id: tillId } of tillHeads)
    tills.push({ tillId, ...(await verifyTillChain(db, { chainId, tillId })) });
  return { ok: own.ok && tills.every((till) => till.ok), own, tills };
}

export async function verifyEngineChain(db: Executor, chainId: number): Promise<ChainVerdict> {
  const chain = { chainId, tillId: ENGINE_CHAIN };
  return walk(db, chain, async (afterSeq, upToSeq) => {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('chain_id', '=', chainId)
      .where('seq', '>', afterSeq)
      .where('seq', '<=', upToSeq)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    return rows.map((row) => ({
      seq: row.seq,
      prevHash: row.prev_hash,
      rowHash: row.row_hash,
      content: engineAuditContent({
        chainId: row.chain_id,
        at: row.at,
        actor: row.actor,
        action: row.action,
        voucherId: row.voucher_id,
        basketCode: row.basket_code,
        reason: row.reason,
      }),
    }));
  });
}

export async function verifyTillChain(db: Executor, chain: ChainRef): Promise<ChainVerdict> {
  return walk(db, chain, async (afterSeq, upToSeq) => {
    const rows = await db
      .selectFrom('till_audit_log')
      .selectAll()
      .where('chain_id', '=', chain.chainId)
      .where('till_id', '=', chain.tillId)
      .where('seq', '>', afterSeq)
      .where('seq', '<=', upToSeq)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    return rows.map((row) => ({
      seq: row.seq,
      prevHash: row.prev_hash,
      rowHash: row.row_hash,
      content: tillAuditColumnsContent(row),
    }));
  });
}

/**
 * Reads the chain page by page in seq order up to the head it records, read first: rows
 * appended while it walks are left for the next verification. A chain without a head (never
 * written, or its head removed) is walked to its last row.
 */
async function walk(
  db: Executor,
  chain: ChainRef,
  page: (afterSeq: number, upToSeq: number) => Promise<ChainedRow[]>,
): Promise<ChainVerdict> {
  const head = await readHead(db, chain);
  const upToSeq = head?.seq ?? Number.MAX_SAFE_INTEGER;
  const walker = new ChainWalker();
  let afterSeq = 0;
  for (;;) {
    const rows = await page(afterSeq, upToSeq);
    for (const row of rows) if (!walker.next(row)) return walker.verdict();
    const last = rows.at(-1);
    if (last === undefined || rows.length < PAGE) break;
    afterSeq = last.seq;
  }
  return walker.verdict(head);
}
