import type { Database } from 'better-sqlite3';
import type { EngineCalls } from '../engine-client';
import { applyHonourPage, honourCacheState } from '../store';
import type { Connectivity } from './connectivity';

export interface HonourSyncDeps {
  readonly db: Database;
  readonly engine: Pick<EngineCalls, 'syncHonourVouchers'>;
  readonly connectivity: Connectivity;
  readonly now: () => number;
  /** Changes per page (the engine allows 1–1000). */
  readonly pageSize: number;
}

export type HonourPullOutcome =
  | { readonly kind: 'done'; readonly pages: number; readonly changes: number }
  /** No usable answer; whether the engine is away is the probe's to say. */
  | { readonly kind: 'unavailable'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

export const HONOUR_PAGE_SIZE = 500;

/**
 * Mirrors the chain's honour vouchers into the cache from the stored cursor until the feed
 * has no more: one transaction per page, so a till stopped halfway resumes from the last
 * page it applied.
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
    if (page.hasMore && page.nextCursor <= cursor)
      return { kind: 'failed', message: `the change feed did not move past cursor ${cursor}` };
    try {
      applyHonourPage(
        deps.db,
        { changes: page.changes, nextCursor: page.nextCursor },
        new Date(deps.now()),
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { kind: 'failed', message: `a page of the change feed did not apply: ${reason}` };
    }
    pages += 1;
    changes += page.changes.length;
    if (!page.hasMore) return { kind: 'done', pages, changes };
  }
}
