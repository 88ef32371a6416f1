import {
  FEED_KEY_ID_HEADER,
  FEED_SIGNATURE_HEADER,
  type SignedFeedAnswer,
} from '../../src-node/feed-signature';
import { honourSyncResultsSchema } from '../../src-shared/wire';
import type { RawAnswer } from './http-transport';
import { engineVoucherOf, engineVoucherSchema, type EngineVoucher } from './engine-voucher';

/** One change of the honour-voucher feed. */
export interface HonourFeedChange {
  readonly rev: number;
  /** Burned or deleted elsewhere: drop it from the cache. */
  readonly removed: boolean;
  readonly voucher: EngineVoucher;
  /** The voucher as the engine sent it, to keep in the cache; read back with {@link readStoredVoucher}. */
  readonly stored: string;
}

/** A page as the results schema reads it, before its signature is attached. */
interface HonourFeedResults {
  readonly changes: readonly HonourFeedChange[];
  readonly nextCursor: number;
  readonly hasMore: boolean;
}

export interface HonourFeedPage extends HonourFeedResults {
  /** The body's bytes and the signature headers (docs/spaaza-wire.md, "Our additions"). */
  readonly signed: SignedFeedAnswer;
}

/** What a page's signature covers and says, as it came over the wire. */
export function signedFeedAnswerOf(answer: RawAnswer): SignedFeedAnswer {
  return {
    body: answer.bytes,
    signature: answer.headers[FEED_SIGNATURE_HEADER] ?? null,
    keyId: answer.headers[FEED_KEY_ID_HEADER] ?? null,
  };
}

export const honourFeedSchema = honourSyncResultsSchema.transform(
  (results, context): HonourFeedResults => ({
    changes: results.changes.map((change, index) => ({
      rev: change.rev,
      removed: change.removed,
      voucher: engineVoucherOf(change.voucher, null, context, ['changes', index, 'voucher']),
      stored: JSON.stringify(change.voucher),
    })),
    nextCursor: results.next_cursor,
    hasMore: results.has_more,
  }),
);

/** A voucher the cache stored from the feed; undefined when it no longer reads as one. */
export function readStoredVoucher(text: string): EngineVoucher | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = engineVoucherSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
