import type { Database } from 'better-sqlite3';
import { verifyFeedPage, type TrustedFeedKey } from '../../src-node/feed-signature';
import type { EngineCalls } from '../engine-client';
import { applyHonourPage, honourCacheState, recordFeedCheck } from '../store';
import type { Connectivity } from './connectivity';

export interface HonourSyncDeps {
  readonly db: Database;
  readonly engine: Pick<EngineCalls, 'syncHonourVouchers'>;
  readonly connectivity: Connectivity;
  readonly now: () => number;
  /** Changes per page (the engine allows 1–1000). */
  readonly pageSize: number;
  /** Whose signature a page must carry, and the chain it must be signed for. */
  readonly feed: FeedTrust;
}

/** The keys of `honourFeedPublicKeys` and the till's chain. */
export interface FeedTrust {
  readonly chainId: number;
  readonly keys: readonly TrustedFeedKey[];
}

export type HonourPullOutcome =
  | { readonly kind: 'done'; readonly pages: number; readonly changes: number }
  /** No usable answer; whether the engine is away is the probe's to say. */
  | { readonly kind: 'unavailable'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string }
  /** A page did not verify: it was not applied, and the cache keeps its last good state. */
  | { readonly kind: 'refused'; readonly message: string };

export const HONOUR_PAGE_SIZE = 500;

/**
 * Mirrors the chain's honour vouchers into the cache from the stored cursor until the feed
 * has no more: one transaction per page, so a till stopped halfway resumes from the last
 * page it applied. Each page is verified against the trusted keys before the cache sees it; one
 * that does not verify stops the pull, and the check of every page is recorded for the doctor.
 */
export async function pullHonourVouchers(deps: HonourSyncDeps): Promise<HonourPullOutcome> {
  let pages = 0;
  let changes = 0;
  for (;;) {
    const cursor = honourCacheState(deps.db).cursor ?? 0;
    const outcome = await deps.engine.syncHonourVouchers({ cursor, limit: deps.pageSize });
    if (!outcome.ok) {
      if (outcome.error.kind === 'unavailable') {
        deps.connectivity.reportUnavailable();
        return { kind: 'unavailable', message: outcome.error.message };
      }
      deps.connectivity.reportAnswered();
      return { kind: 'failed', message: outcome.error.message };
    }
    deps.connectivity.reportAnswered();
    const page = outcome.value;
    const identity = { chainId: deps.feed.chainId, cursor, limit: deps.pageSize };
    const verified = verifyFeedPage(deps.feed.keys, identity, page.signed);
    const at = new Date(deps.now());
    if (!verified.ok) {
      const { code, message } = verified.error;
      recordFeedCheck(deps.db, { verified: false, code, reason: message, cursor }, at);
      return {
        kind: 'refused',
        message: `the honour-feed page from cursor ${cursor} was refused: ${message}`,
      };
    }
    recordFeedCheck(deps.db, { verified: true, keyId: verified.value.keyId, cursor }, at);
    if (page.hasMore && page.nextCursor <= cursor)
      return { kind: 'failed', message: `the change feed did not move past cursor ${cursor}` };
    try {
      applyHonourPage(deps.db, { changes: page.changes, nextCursor: page.nextCursor }, at);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { kind: 'failed', message: `a page of the change feed did not apply: ${reason}` };
    }
    pages += 1;
    changes += page.changes.length;
    if (!page.hasMore) return { kind: 'done', pages, changes };
  }
}
