import type { Kysely } from 'kysely';
import { ok } from '../../src-shared/result';
import {
  feedKeyPairOf,
  generateFeedKeyPair,
  type FeedKeyPair,
} from '../../src-node/feed-signature';
import type { Database } from '../db/schema';
import type { Actor } from './actor';
import { operatorActor } from './api-keys';
import { audit } from './audit';
import { refuse, type Outcome } from './refusal';

/** A chain's active feed signing key (docs/security.md, "Signed honour-voucher feed"). */
export interface FeedKey {
  readonly keyId: string;
  /** `ed25519:<base64>`, as a till's config holds it. */
  readonly publicKey: string;
  readonly privateKeyPem: string;
  readonly createdAt: number;
}

/** The key that signs the chain's feed now; undefined when the chain has none yet. */
export async function activeFeedKey(
  db: Kysely<Database>,
  chainId: number,
): Promise<FeedKey | undefined> {
  const row = await db
    .selectFrom('feed_signing_keys')
    .select(['key_id', 'public_key', 'private_key', 'created_at'])
    .where('chain_id', '=', chainId)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  return row && feedKeyOf(row);
}

function feedKeyOf(row: {
  key_id: string;
  public_key: string;
  private_key: string;
  created_at: number;
}): FeedKey {
  return {
    keyId: row.key_id,
    publicKey: row.public_key,
    privateKeyPem: row.private_key,
    createdAt: row.created_at,
  };
}

function rowOf(chainId: number, pair: FeedKeyPair, now: number) {
  return {
    chain_id: chainId,
    key_id: pair.keyId,
    public_key: pair.publicKey,
    private_key: pair.privateKeyPem,
    created_at: now,
    retired_at: null,
  };
}

/**
 * The chain's first key; refused when it has one (rotate-feed-key replaces it). `privateKeyPem`
 * installs a given key (the demo's) instead of a new random one.
 */
export async function createFeedKey(
  db: Kysely<Database>,
  actor: Actor,
  now: number,
  privateKeyPem?: string,
): Promise<Outcome<FeedKey>> {
  const pair = privateKeyPem === undefined ? generateFeedKeyPair() : feedKeyPairOf(privateKeyPem);
  const created = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('feed_signing_keys')
      .values(rowOf(actor.chainId, pair, now))
      // the one active key per chain: a concurrent creation keeps the key that came first
      .onConflict((conflict) => conflict.doNothing())
      .executeTakeFirst();
    if (inserted.numInsertedOrUpdatedRows !== 1n) return false;
    await audit(trx, actor, 'create_feed_key', now, { reason: pair.keyId });
    return true;
  });
  if (!created) {
    const existing = await activeFeedKey(db, actor.chainId);
    return refuse(
      'already_exists',
      `chain ${actor.chainId} already has a feed signing key (${existing?.keyId ?? 'retired'}); rotate-feed-key replaces it`,
    );
  }
  return ok(feedKeyOf(rowOf(actor.chainId, pair, now)));
}

/** The key that signs the chain's feed, created on first use: no page leaves the engine unsigned. */
export async function feedKeyInUse(
  db: Kysely<Database>,
  chainId: number,
  now: number,
): Promise<FeedKey> {
  const active = await activeFeedKey(db, chainId);
  if (active) return active;
  const created = await createFeedKey(db, operatorActor(chainId, 'engine'), now);
  if (created.ok) return created.value;
  // another request created it meanwhile
  const winner = await activeFeedKey(db, chainId);
  if (!winner) throw new Error(`chain ${chainId} has no feed signing key after creating one`);
  return winner;
}

/** A new active key; the one it replaces is retired (tills that trust only it refuse new pages). */
export async function rotateFeedKey(
  db: Kysely<Database>,
  actor: Actor,
  now: number,
): Promise<{ readonly key: FeedKey; readonly retired: string | null }> {
  const pair = generateFeedKeyPair();
  const retired = await db.transaction().execute(async (trx) => {
    const old = await trx
      .updateTable('feed_signing_keys')
      .set({ retired_at: now })
      .where('chain_id', '=', actor.chainId)
      .where('retired_at', 'is', null)
      .returning('key_id')
      .executeTakeFirst();
    await trx
      .insertInto('feed_signing_keys')
      .values(rowOf(actor.chainId, pair, now))
      .execute();
    const replaced = old?.key_id ?? null;
    await audit(trx, actor, 'rotate_feed_key', now, {
      reason: replaced === null ? pair.keyId : `${replaced} → ${pair.keyId}`,
    });
    return replaced;
  });
  return { key: feedKeyOf(rowOf(actor.chainId, pair, now)), retired };
}
