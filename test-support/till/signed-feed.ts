import type { HonourFeedPage } from '../../src-main/engine-client';
import type { FeedTrust } from '../../src-main/sync';
import {
  FEED_KEY_ID_HEADER,
  FEED_SIGNATURE_HEADER,
  parseFeedPublicKey,
  signFeedPage,
  type FeedKeyPair,
  type FeedPageIdentity,
} from '../../src-node/feed-signature';

/** An honour-feed answer as the engine sends it for these results: its body and signature headers. */
export function signedFeedAnswer(
  pair: Pick<FeedKeyPair, 'keyId' | 'privateKeyPem'>,
  page: FeedPageIdentity,
  results: unknown,
): { status: 200; text: string; headers: Record<string, string> } {
  const text = JSON.stringify({ result: { code: 1, status: 'ok' }, results });
  const signature = signFeedPage(pair.privateKeyPem, pair.keyId, page, Buffer.from(text, 'utf8'));
  return {
    status: 200,
    text,
    headers: { [FEED_SIGNATURE_HEADER]: signature, [FEED_KEY_ID_HEADER]: pair.keyId },
  };
}

/** A page with no changes, signed for `page`, as the engine client hands it to the sync. */
export function signedEmptyPage(pair: FeedKeyPair, page: FeedPageIdentity): HonourFeedPage {
  const answer = signedFeedAnswer(pair, page, { changes: [], next_cursor: page.cursor });
  return {
    changes: [],
    nextCursor: page.cursor,
    hasMore: false,
    signed: {
      body: Buffer.from(answer.text, 'utf8'),
      signature: answer.headers[FEED_SIGNATURE_HEADER] ?? null,
      keyId: pair.keyId,
    },
  };
}

/** A till of `chainId` that trusts these keys. */
export function feedTrust(
  pairs: readonly Pick<FeedKeyPair, 'publicKey'>[],
  chainId = 1,
): FeedTrust {
  return {
    chainId,
    keys: pairs.map(({ publicKey }) => {
      const parsed = parseFeedPublicKey(publicKey);
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.value;
    }),
  };
}
