import type { Kysely } from 'kysely';
import type { Database, KeyRole } from '../db/schema';
import { ok } from '../../src-shared/result';
import { grantRefusal, type Actor } from './actor';
import { audit } from './audit';
import { refuse, type Outcome } from './refusal';
import { hashSecret, randomToken, sha256, verifySecret } from './secrets';

export interface NewApiKey {
  readonly label: string;
  readonly role: KeyRole;
  /** Epoch milliseconds; absent: the key does not expire. */
  readonly expiresAt?: number | undefined;
}

/** What an admin sees of a key: never the key or its hash. */
export interface ApiKeySummary {
  readonly id: number;
  readonly label: string;
  readonly role: KeyRole;
  readonly createdAt: number;
  readonly createdBy: string | null;
  readonly expiresAt: number | null;
  readonly revokedAt: number | null;
}

/**
 * A new key of the creator's chain, with a role no higher than the creator's own; random unless
 * given (as with ENGINE_BOOTSTRAP_API_KEY). Only hashes are stored; the creation is audited.
 */
export async function createApiKey(
  db: Kysely<Database>,
  creator: Actor,
  input: NewApiKey,
  now: number,
  key = `vtk_${randomToken()}`,
): Promise<Outcome<string>> {
  const above = grantRefusal(creator, input.role);
  if (above) return above;
  if (input.expiresAt !== undefined && input.expiresAt <= now)
    return refuse(
      'invalid_parameters',
      'the key would expire before it is used; give a later expiry',
    );
  const keyHash = await hashSecret(key);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('api_keys')
      .values({
        chain_id: creator.chainId,
        label: input.label,
        lookup: lookupOf(key),
        key_hash: keyHash,
        role: input.role,
        created_at: now,
        expires_at: input.expiresAt ?? null,
        created_by: creator.name,
      })
      .execute();
    await audit(trx, creator, 'create_api_key', now, { reason: `${input.label} (${input.role})` });
  });
  return ok(key);
}

/** The chain's keys, newest first. */
export async function listApiKeys(db: Kysely<Database>, chainId: number): Promise<ApiKeySummary[]> {
  const rows = await db
    .selectFrom('api_keys')
    .select(['id', 'label', 'role', 'created_at', 'created_by', 'expires_at', 'revoked_at'])
    .where('chain_id', '=', chainId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    role: row.role,
    createdAt: row.created_at,
    createdBy: row.created_by,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  }));
}

/** Revokes one of the actor's chain's keys at once (in this process; others within a minute). */
export async function revokeApiKey(
  db: Kysely<Database>,
  actor: Actor,
  keyId: number,
  now: number,
): Promise<Outcome<ApiKeySummary>> {
  const revoked = await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('api_keys')
      .set({ revoked_at: now })
      .where('id', '=', keyId)
      .where('chain_id', '=', actor.chainId)
      .where('revoked_at', 'is', null)
      .returning(['key_hash', 'label'])
      .executeTakeFirst();
    if (row) await audit(trx, actor, 'revoke_api_key', now, { reason: row.label });
    return row;
  });
  if (!revoked) {
    const known = (await listApiKeys(db, actor.chainId)).find((key) => key.id === keyId);
    return known
      ? refuse('voucher_state_conflict', `API key ${keyId} (${known.label}) is already revoked`)
      : refuse('permission_denied_or_non_existent', `there is no API key ${keyId} in this chain`);
  }
  for (const [fingerprint, cached] of verifiedKeys)
    if (cached.keyHash === revoked.key_hash) verifiedKeys.delete(fingerprint);
  const summary = (await listApiKeys(db, actor.chainId)).find((key) => key.id === keyId);
  return summary ? ok(summary) : refuse('permission_denied_or_non_existent', `no API key ${keyId}`);
}

function lookupOf(key: string): string {
  return sha256(key).slice(0, 16);
}

interface VerifiedKey {
  readonly actor: Actor;
  readonly keyHash: string;
  readonly expiresAt: number | null;
  readonly until: number;
}

const verifiedKeys = new Map<string, VerifiedKey>();
const VERIFIED_KEY_SECONDS = 60;

/**
 * Scrypt is slow on purpose, so a verified key is remembered for a minute: a revoke in this
 * process forgets it at once, another engine process's within that minute; expiry always holds.
 */
export async function actorFromApiKey(
  db: Kysely<Database>,
  presented: string,
  now: number,
): Promise<Actor | null> {
  const fingerprint = sha256(presented);
  const cached = verifiedKeys.get(fingerprint);
  if (cached && cached.until > now && (cached.expiresAt === null || cached.expiresAt > now))
    return cached.actor;
  verifiedKeys.delete(fingerprint);
  const candidates = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('lookup', '=', lookupOf(presented))
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .execute();
  for (const row of candidates) {
    if (await verifySecret(presented, row.key_hash)) {
      const actor: Actor = {
        chainId: row.chain_id,
        role: row.role,
        name: `api-key:${row.label}`,
        accountId: null,
      };
      verifiedKeys.set(fingerprint, {
        actor,
        keyHash: row.key_hash,
        expiresAt: row.expires_at,
        until: now + VERIFIED_KEY_SECONDS * 1000,
      });
      return actor;
    }
  }
  return null;
}

/** Whoever runs the engine's own tools (the admin CLI, the bootstrap key): a privileged actor. */
export function operatorActor(chainId: number, name: string): Actor {
  return { chainId, role: 'privileged', name, accountId: null };
}

/** A privileged key made by the operator (the bootstrap key, tests, benchmarks): never refused. */
export async function createOperatorKey(
  db: Kysely<Database>,
  chainId: number,
  label: string,
  now: number,
  key?: string,
): Promise<string> {
  const created = await createApiKey(
    db,
    operatorActor(chainId, 'operator'),
    { label, role: 'privileged' },
    now,
    key,
  );
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}
