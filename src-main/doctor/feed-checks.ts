import { existsSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import type { FeedRefusalCode } from '../../src-node/feed-signature';
import type { TillConfig } from '../config';
import { databasePath, lastFeedCheck, type FeedCheck } from '../store';
import { feedTrustOf } from '../sync';
import { failedCheck, passed, skipped, warned, type DiagnosticCheck } from './check';

const NAME = 'honour feed';

/** Where IT gets the key a till must trust (docs/security.md, "Signed honour-voucher feed"). */
const showKey = (chainId: number) =>
  `On the engine run \`npm run engine:admin -- show-feed-key --chain ${chainId}\` and add the \`ed25519:…\` key it prints to honourFeedPublicKeys`;

/** What to do about a refused page, by why it was refused. */
function nextStep(code: FeedRefusalCode, chainId: number): string {
  switch (code) {
    case 'no_keys':
    case 'unknown_key':
      return showKey(chainId);
    case 'unsigned':
    case 'bad_signature':
      return 'Something between this till and the engine changes its answers (a proxy?), or engineUrl names an engine that is not this chain’s: check the network path and engineUrl';
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
    return failedCheck(
      NAME,
      'no honourFeedPublicKeys are configured, so the till takes no honour-voucher page',
      showKey(config.chainId),
    );
  const trusted = `trusts key ${trust.keys.map((key) => key.keyId).join(', ')}`;
  if (database.verdict === 'fail' || database.verdict === 'skipped')
    return skipped(NAME, 'the local database cannot be read');
  const path = databasePath(config.dataDir);
  const last = existsSync(path) ? readLastCheck(path) : undefined;
  if (last === undefined)
    return warned(NAME, `${trusted}; no honour-feed page has been received yet`);
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

function judge(check: FeedCheck, at: Date, trusted: string, chainId: number): DiagnosticCheck {
  const when = `the last page (from cursor ${check.cursor}, at ${at.toISOString()})`;
  if (check.verified) return passed(NAME, `${trusted}; ${when} verified with key ${check.keyId}`);
  return failedCheck(
    NAME,
    `${trusted}; ${when} was refused: ${check.reason}. The honour cache keeps its last good state`,
    nextStep(check.code, chainId),
  );
}
