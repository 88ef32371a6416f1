import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAccount, createChain, createStore } from '../../src-engine/domain/admin';
import { operatorActor } from '../../src-engine/domain/api-keys';
import { DEMO_FEED_KEY } from '../../src-engine/domain/demo-feed-key';
import { activeFeedKey, rotateFeedKey } from '../../src-engine/domain/feed-keys';
import { expectOk } from '../../src-engine/domain/refusal';
import {
  FEED_KEY_ID_HEADER,
  FEED_SIGNATURE_HEADER,
  parseFeedPublicKey,
  verifyFeedPage,
  type FeedPageIdentity,
  type TrustedFeedKey,
} from '../../src-node/feed-signature';
import { loginAs, type Session } from '../../test-support/engine/client';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';

interface FeedAnswer {
  readonly status: number;
  readonly body: Uint8Array;
  readonly signature: string | null;
  readonly keyId: string | null;
}

function trusted(publicKey: string): TrustedFeedKey {
  const parsed = parseFeedPublicKey(publicKey);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

describeEachDatabase('the signed honour-voucher feed', (database) => {
  let engine: TestEngine;
  let till: Session;

  /** One page as it came over the wire: its exact bytes and its two signature headers. */
  const page = async (session: Session, query: string): Promise<FeedAnswer> => {
    const response = await fetch(`${engine.url}/sync/honour-vouchers?${query}`, {
      headers: {
        'x-spaaza-session-user-id': String(session.userId),
        'x-spaaza-session-key': session.key,
      },
    });
    return {
      status: response.status,
      body: new Uint8Array(await response.arrayBuffer()),
      signature: response.headers.get(FEED_SIGNATURE_HEADER),
      keyId: response.headers.get(FEED_KEY_ID_HEADER),
    };
  };

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
    till = await loginAs(engine.url, 'till-s001-01', 'demo-till');
  });
  afterAll(async () => engine.close());

  it('signs each demo page with the demo key, over its body and its chain and page', async () => {
    const answer = await page(till, 'cursor=0&limit=3');
    expect(answer.status).toBe(200);
    expect(answer.keyId).toBe(DEMO_FEED_KEY.keyId);
    const key = trusted(DEMO_FEED_KEY.publicKey);
    const identity: FeedPageIdentity = { chainId: 1, cursor: 0, limit: 3 };
    expect(verifyFeedPage([key], identity, answer)).toEqual({
      ok: true,
      value: { keyId: DEMO_FEED_KEY.keyId },
    });
    // the same bytes do not pass for another chain's page, or another page of this chain
    for (const other of [
      { ...identity, chainId: 2 },
      { ...identity, cursor: 1 },
      { ...identity, limit: 500 },
    ])
      expect(verifyFeedPage([key], other, answer).ok).toBe(false);
    expect(JSON.parse(Buffer.from(answer.body).toString('utf8'))).toMatchObject({
      results: { result_type: 'sync-honour-vouchers', has_more: true },
    });
  });

  it('signs a page asked for without a limit as the default page of 500', async () => {
    const answer = await page(till, 'cursor=0');
    const key = trusted(DEMO_FEED_KEY.publicKey);
    expect(verifyFeedPage([key], { chainId: 1, cursor: 0, limit: 500 }, answer).ok).toBe(true);
  });

  it('gives a chain without a key one on its first feed request, audited, and keeps it', async () => {
    const now = Date.now();
    const chainId = await createChain(
      engine.db.kysely,
      { name: 'Unsigned', currency: 'EUR', timezone: 'Europe/Amsterdam' },
      now,
    );
    expectOk(await createStore(engine.db.kysely, { chainId, code: 'U001', name: 'Unsigned' }));
    expectOk(
      await createAccount(
        engine.db.kysely,
        {
          chainId,
          username: 'till-unsigned',
          password: 'till-unsigned',
          role: 'terminal',
          storeCode: 'U001',
        },
        now,
      ),
    );
    expect(await activeFeedKey(engine.db.kysely, chainId)).toBeUndefined();
    const session = await loginAs(engine.url, 'till-unsigned', 'till-unsigned');
    const [first, second] = await Promise.all([
      page(session, 'cursor=0&limit=10'),
      page(session, 'cursor=0&limit=10'),
    ]);
    const created = await activeFeedKey(engine.db.kysely, chainId);
    if (!created) throw new Error('the first feed request left the chain without a key');
    expect(created.keyId).not.toBe(DEMO_FEED_KEY.keyId);
    const identity = { chainId, cursor: 0, limit: 10 };
    for (const answer of [first, second]) {
      expect(answer.keyId).toBe(created.keyId);
      expect(verifyFeedPage([trusted(created.publicKey)], identity, answer).ok).toBe(true);
    }
    const audited = await engine.db.kysely
      .selectFrom('audit_log')
      .select(['actor', 'action', 'reason'])
      .where('chain_id', '=', chainId)
      .execute();
    expect(audited).toEqual([
      { actor: 'engine', action: 'create_feed_key', reason: created.keyId },
    ]);
  });

  it('signs with the new key after a rotation; a till that trusts only the old one refuses', async () => {
    const admin = operatorActor(1, 'test');
    const { key, retired } = await rotateFeedKey(engine.db.kysely, admin, Date.now());
    expect(retired).toBe(DEMO_FEED_KEY.keyId);
    const answer = await page(till, 'cursor=0&limit=2');
    expect(answer.keyId).toBe(key.keyId);
    const identity = { chainId: 1, cursor: 0, limit: 2 };
    const old = trusted(DEMO_FEED_KEY.publicKey);
    expect(verifyFeedPage([old], identity, answer).ok).toBe(false);
    expect(verifyFeedPage([old, trusted(key.publicKey)], identity, answer).ok).toBe(true);
    const keys = await engine.db.kysely
      .selectFrom('feed_signing_keys')
      .select(['key_id', 'retired_at'])
      .where('chain_id', '=', 1)
      .orderBy('id')
      .execute();
    expect(keys.map((row) => [row.key_id, row.retired_at === null])).toEqual([
      [DEMO_FEED_KEY.keyId, false],
      [key.keyId, true],
    ]);
  });
});
