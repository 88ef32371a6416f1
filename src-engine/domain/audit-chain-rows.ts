import type { ChainValue } from '../../src-node/audit-chain';

/** `audit_heads.till_id` of a chain's own trail; a till's copy is under its till id. */
export const ENGINE_CHAIN = '';

/** What an engine audit row says, as it is chained (src-node/audit-chain.ts). */
export interface EngineAuditContent {
  readonly chainId: number;
  /** Epoch milliseconds. */
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly voucherId: number | null;
  readonly basketCode: string | null;
  readonly reason: string | null;
}

/** The engine row's content in its one fixed order. */
export function engineAuditContent(row: EngineAuditContent): ChainValue[] {
  return [row.chainId, row.at, row.actor, row.action, row.voucherId, row.basketCode, row.reason];
}
