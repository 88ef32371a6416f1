import { parseFeedPublicKey } from '../../src-node/feed-signature';
import type { TillConfig } from '../config';
import type { FeedTrust } from './honour-sync';

/** The keys of `honourFeedPublicKeys` (checked when the config loaded) and the till's chain. */
export function feedTrustOf(
  config: Pick<TillConfig, 'chainId' | 'honourFeedPublicKeys'>,
): FeedTrust {
  return {
    chainId: config.chainId,
    keys: config.honourFeedPublicKeys.map((text) => {
      const parsed = parseFeedPublicKey(text);
      if (!parsed.ok)
        throw new Error(`honourFeedPublicKeys passed the config check: ${parsed.error}`);
      return parsed.value;
    }),
  };
}
