import { existsSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import type { FeedRefusalCode } from '../../src-node/feed-signature';
import type { TillConfig } from '../config';
import { databasePath, lastFeedCheck, type FeedCheck } from '../store';
import { feedTrustOf } from '../sync';
import { checkWords, type CheckWords } from '../../src-shared/i18n';
import { failedCheck, passed, skipped, warned, type DiagnosticCheck } from './check';

const NAME = 'honour_feed';

/** Where IT gets the key a till must trust (docs/security.md, "Signed honour-voucher feed"). */
const showKey = (chainId: number) => checkWords('feed_show_key', { chain: chainId });

/** What to do about a refused page, by why it was refused. */
function nextStep(code: FeedRefusalCode, chainId: number): CheckWords {
  switch (code) {
    case 'no_keys':
    case 'unknown_key':
      return showKey(chainId);
    case 'unsigned':
    case 'bad_signature':
      return checkWords('feed_path_changed');
  }
}

/**
 * Whether the till trusts a key and whether the last honour-feed page it received verified:
 * a till whose pages are refused sells honour vouchers offline from an ageing cache.
 */
export function feedCheck(
  config: Pick<TillConfig, 'chainId' | 'honourFeedPublicKeys' | 'dataDir'>,
  database: DiagnosticCheck,
): DiagnosticCheck {
  const trust = feedTrustOf(config);
  if (trust.keys.length === 0)
    return failedCheck(NAME, checkWords('feed_no_keys'), showKey(config.chainId));
  const trusted = checkWords('feed_trusts', {
    keys: trust.keys.map((key) => key.keyId).join(', '),
  });
  if (database.verdict === 'fail' || database.verdict === 'skipped')
    return skipped(NAME, checkWords('skip_database_unreadable'));
  const path = databasePath(config.dataDir);
  const last = existsSync(path) ? readLastCheck(path) : undefined;
  if (last === undefined) return warned(NAME, checkWords('feed_none_yet', { trusted }));
  return judge(last.check, last.at, trusted, config.chainId);
}

function readLastCheck(path: string): ReturnType<typeof lastFeedCheck> {
  const db = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    return lastFeedCheck(db);
  } finally {
    db.close();
  }
}

function judge(check: FeedCheck, at: Date, trusted: CheckWords, chainId: number): DiagnosticCheck {
  const page = { trusted, cursor: check.cursor, at: at.toISOString() };
  if (check.verified)
    return passed(NAME, checkWords('feed_verified', { ...page, keyId: check.keyId }));
  return failedCheck(
    NAME,
    checkWords('feed_refused', { ...page, reason: check.reason }),
    nextStep(check.code, chainId),
  );
}
