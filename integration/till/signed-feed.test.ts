import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createVoucher } from '../../src-engine/domain/admin';
import { operatorActor } from '../../src-engine/domain/api-keys';
import { DEMO_FEED_KEY } from '../../src-engine/domain/demo-feed-key';
import { rotateFeedKey } from '../../src-engine/domain/feed-keys';
import { expectOk } from '../../src-engine/domain/refusal';
import {
  databasePath,
  findCachedHonour,
  honourCacheState,
  lastFeedCheck,
} from '../../src-main/store';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';
import {
  startFeedTamperProxy,
  type FeedTamperProxy,
} from '../../test-support/till/feed-tamper-proxy';
import {
  startTestTill,
  tempDir,
  TILL_ONE,
  type TestTill,
} from '../../test-support/till/till-harness';

/** What the till's cache and its record of the last page's check hold now; `held`: which of `codes` it has. */
function cacheOf(till: TestTill, ...codes: string[]) {
  const db = new SQLite(databasePath(till.dataDir), { readonly: true, fileMustExist: true });
  try {
    const state = honourCacheState(db);
    return {
      cursor: state.cursor,
      size: state.size,
      held: codes.filter((code) => findCachedHonour(db, code) !== undefined),
      check: lastFeedCheck(db)?.check,
    };
  } finally {
    db.close();
  }
}

describeEachDatabase('a till that trusts only its chain’s signed honour feed', (database) => {
  let engine: TestEngine;
  let proxy: FeedTamperProxy;
  let till: TestTill;
  let issued = 0;

  /** A new free-coffee honour voucher on the engine: the feed's next page carries it. */
  const issueHonourVoucher = async (): Promise<string> => {
    issued += 1;
    const code = `HONOUR-NEW-${String(issued).padStart(4, '0')}`;
    const coffee = await engine.db.kysely
      .selectFrom('campaigns')
      .select('id')
      .where('honour_code', '=', 'FREE-COFFEE')
      .executeTakeFirstOrThrow();
    expectOk(
      await createVoucher(
        engine.db.kysely,
        operatorActor(1, 'test'),
        { chainId: 1, campaignId: coffee.id, memberNumber: null, code, claimed: true },
        Date.now(),
      ),
    );
    return code;
  };

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
    proxy = await startFeedTamperProxy(engine.url);
    till = await startTestTill(proxy.url, TILL_ONE);
    await till.till.sync.syncNow();
  });
  afterAll(async () => {
    await till.close();
    await proxy.stop();
    await engine.close();
  });

  it('takes the demo chain’s pages, signed with the key in its config', () => {
    const cache = cacheOf(till);
    expect(cache.size).toBe(10);
    expect(cache.check).toMatchObject({ verified: true, keyId: DEMO_FEED_KEY.keyId });
  });

  it('refuses a page with one byte of its body altered, keeping the last good page', async () => {
    const before = cacheOf(till);
    const code = await issueHonourVoucher();
    // the last letter of the new voucher's code: the body stays JSON, and says another code
    proxy.tamper({ kind: 'alter-byte', at: (body) => body.indexOf(code) + code.length - 1 });
    await till.till.sync.syncNow();
    expect(proxy.tampered()).toBe(1);

    const after = cacheOf(till, code);
    expect(after).toMatchObject({ cursor: before.cursor, size: 10, held: [] });
    expect(after.check).toEqual({
      verified: false,
      code: 'bad_signature',
      cursor: before.cursor,
      reason: `the page’s signature does not match its body (key ${DEMO_FEED_KEY.keyId})`,
    });

    proxy.tamper({ kind: 'none' });
    await till.till.sync.syncNow();
    const mended = cacheOf(till, code);
    expect(mended).toMatchObject({ size: 11, held: [code] });
    expect(mended.check).toMatchObject({ verified: true });
  });

  it('refuses a page that comes without its signature', async () => {
    const before = cacheOf(till);
    const code = await issueHonourVoucher();
    proxy.tamper({ kind: 'strip-signature' });
    await till.till.sync.syncNow();
    proxy.tamper({ kind: 'none' });
    const after = cacheOf(till, code);
    expect(after).toMatchObject({ cursor: before.cursor, size: before.size, held: [] });
    expect(after.check).toMatchObject({
      verified: false,
      code: 'unsigned',
      reason: 'the page came without its signature (x-feed-signature, x-feed-key-id)',
    });
  });

  it('after a rotation refuses the new key until configured, and takes pages with old and new keys', async () => {
    const { key } = await rotateFeedKey(engine.db.kysely, operatorActor(1, 'test'), Date.now());
    const code = await issueHonourVoucher();
    const before = cacheOf(till);
    await till.till.sync.syncNow();
    const refused = cacheOf(till);
    expect(refused).toMatchObject({ cursor: before.cursor, size: before.size });
    expect(refused.check).toMatchObject({
      verified: false,
      code: 'unknown_key',
      reason: `the page was signed with key ${key.keyId}, which this till does not trust`,
    });

    // the same till, its config now holding the old key and the new
    await till.stop();
    const dataDir = till.dataDir;
    till = await startTestTill(proxy.url, TILL_ONE, dataDir, {
      honourFeedPublicKeys: [DEMO_FEED_KEY.publicKey, key.publicKey],
    });
    await till.till.sync.syncNow();
    const taken = cacheOf(till, code);
    expect(taken.held).toEqual([code]);
    expect(taken.check).toMatchObject({ verified: true, keyId: key.keyId });

    // a till set up fresh with both keys fills its cache from the start
    const fresh = await startTestTill(proxy.url, TILL_ONE, tempDir('till-fresh-'), {
      honourFeedPublicKeys: [DEMO_FEED_KEY.publicKey, key.publicKey],
    });
    try {
      await fresh.till.sync.syncNow();
      expect(cacheOf(fresh)).toMatchObject({ size: taken.size, cursor: taken.cursor });
    } finally {
      await fresh.close();
    }
  });
});
