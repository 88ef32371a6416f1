import {
  TILL_AUDIT_BATCH_MAX,
  tillAuditAnswerSchema,
  type TillAuditBatch,
} from '../../src-shared/wire';

/** Entries the engine takes in one call. */
export const AUDIT_BATCH_MAX = TILL_AUDIT_BATCH_MAX;

/** One link of the till's audit chain, as the store holds it. */
export interface AuditLink {
  readonly seq: number;
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly voucherKey: string | null;
  readonly basketCode: string | null;
  readonly detail: string;
  readonly prevHash: string;
  readonly rowHash: string;
}

/** What the engine holds of the till's chain after a batch. */
export interface AuditHeld {
  /** The last seq of the chain the engine holds. */
  readonly headSeq: number;
}

/** The batch on the wire (docs/spaaza-wire.md, "Our additions"). */
export function auditBatchBody(tillId: string, links: readonly AuditLink[]): TillAuditBatch {
  return {
    till_id: tillId,
    rows: links.map((link) => ({
      seq: link.seq,
      at: link.at.getTime(),
      actor: link.actor,
      action: link.action,
      voucher_key: link.voucherKey,
      basket_code: link.basketCode,
      detail: link.detail,
      prev_hash: link.prevHash,
      row_hash: link.rowHash,
    })),
  };
}

export const auditHeldSchema = tillAuditAnswerSchema.transform((answer): AuditHeld => ({
  headSeq: answer.head_seq,
}));
