import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { FeedRefusalCode } from '../../src-node/feed-signature';
import { readSyncState, writeSyncState } from './sync-state';

/** Whether the last honour-feed page the till received verified (docs/security.md, "Signed honour-voucher feed"). */
export const FEED_CHECK_KEY = 'honour_feed_check';

export type FeedCheck =
  | { readonly verified: true; readonly keyId: string; readonly cursor: number }
  | {
      readonly verified: false;
      readonly code: FeedRefusalCode;
      readonly reason: string;
      readonly cursor: number;
    };

const feedCheckSchema = z.discriminatedUnion('verified', [
  z.object({ verified: z.literal(true), keyId: z.string(), cursor: z.number().int() }),
  z.object({
    verified: z.literal(false),
    code: z.enum(['no_keys', 'unsigned', 'unknown_key', 'bad_signature']),
    reason: z.string(),
    cursor: z.number().int(),
  }),
]);

export function recordFeedCheck(db: Database, check: FeedCheck, at: Date): void {
  writeSyncState(db, FEED_CHECK_KEY, JSON.stringify(check), at);
}

/** The last page's check and when it ran; undefined before the first page (or when unreadable). */
export function lastFeedCheck(db: Database): { check: FeedCheck; at: Date } | undefined {
  const state = readSyncState(db, FEED_CHECK_KEY);
  if (state === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(state.value);
  } catch {
    return undefined;
  }
  const parsed = feedCheckSchema.safeParse(json);
  return parsed.success ? { check: parsed.data, at: state.updatedAt } : undefined;
}
