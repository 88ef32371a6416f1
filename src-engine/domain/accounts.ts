import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema';
import { ok } from '../../src-shared/result';
import type { Actor } from './actor';
import { refuse, type Outcome } from './refusal';
import { hashSecret, randomToken, sha256, verifySecret } from './secrets';

export interface SessionInfo {
  readonly userId: number;
  readonly key: string;
  readonly expiresAt: number;
  readonly username: string;
  readonly role: Role;
}

/** Spaaza's login: a new session, and every older session of that account ends. */
export async function login(
  db: Kysely<Database>,
  username: string,
  password: string,
  now: number,
  sessionSeconds: number,
): Promise<Outcome<SessionInfo>> {
  const account = await db
    .selectFrom('accounts')
    .selectAll()
    .where('username', '=', username)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  // verify against a throwaway hash for unknown names too, so timing does not reveal them
  const verified = await verifySecret(password, account?.password_hash ?? UNKNOWN_ACCOUNT_HASH);
  if (!account || !verified)
    return refuse('password_error_or_non_existent', 'wrong username or password');
  const key = randomToken();
  const expiresAt = now + sessionSeconds * 1000;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('account_id', '=', account.id).execute();
    await trx
      .insertInto('sessions')
      .values({
        account_id: account.id,
        key_hash: sha256(key),
        created_at: now,
        expires_at: expiresAt,
      })
      .execute();
  });
  return ok({ userId: account.id, key, expiresAt, username: account.username, role: account.role });
}

const UNKNOWN_ACCOUNT_HASH = await hashSecret(randomToken());

export async function logout(db: Kysely<Database>, userId: number, key: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('account_id', '=', userId)
    .where('key_hash', '=', sha256(key))
    .execute();
}

/** Who a session names: its account's id, its account's user name, or both (then both must match). */
export interface SessionAccount {
  readonly userId: number | null;
  readonly username: string | null;
}

export async function actorFromSession(
  db: Kysely<Database>,
  account: SessionAccount,
  key: string,
  now: number,
): Promise<Actor | null> {
  const { userId, username } = account;
  if (userId === null && username === null) return null;
  let query = db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .select(['accounts.id', 'accounts.chain_id', 'accounts.username', 'accounts.role'])
    .where('sessions.key_hash', '=', sha256(key))
    .where('sessions.expires_at', '>', now)
    .where('accounts.disabled_at', 'is', null);
  if (userId !== null) query = query.where('sessions.account_id', '=', userId);
  if (username !== null) query = query.where('accounts.username', '=', username);
  const row = await query.executeTakeFirst();
  return row
    ? { chainId: row.chain_id, role: row.role, name: row.username, accountId: row.id }
    : null;
}

/** A new privileged key (random unless given, as with ENGINE_BOOTSTRAP_API_KEY); only hashes are stored. */
export async function createApiKey(
  db: Kysely<Database>,
  chainId: number,
  label: string,
  now: number,
  key = `vtk_${randomToken()}`,
): Promise<string> {
  await db
    .insertInto('api_keys')
    .values({
      chain_id: chainId,
      label,
      lookup: lookupOf(key),
      key_hash: await hashSecret(key),
      created_at: now,
    })
    .execute();
  return key;
}

function lookupOf(key: string): string {
  return sha256(key).slice(0, 16);
}

const verifiedKeys = new Map<string, { actor: Actor; until: number }>();
const VERIFIED_KEY_SECONDS = 60;

/** Scrypt is slow on purpose, so a verified key is remembered for a minute (revocation shows within it). */
export async function actorFromApiKey(
  db: Kysely<Database>,
  presented: string,
  now: number,
): Promise<Actor | null> {
  const fingerprint = sha256(presented);
  const cached = verifiedKeys.get(fingerprint);
  if (cached && cached.until > now) return cached.actor;
  const candidates = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('lookup', '=', lookupOf(presented))
    .where('revoked_at', 'is', null)
    .execute();
  for (const row of candidates) {
    if (await verifySecret(presented, row.key_hash)) {
      const actor: Actor = {
        chainId: row.chain_id,
        role: 'privileged',
        name: `api-key:${row.label}`,
        accountId: null,
      };
      verifiedKeys.set(fingerprint, { actor, until: now + VERIFIED_KEY_SECONDS * 1000 });
      return actor;
    }
  }
  return null;
}

export async function createAccount(
  db: Kysely<Database>,
  input: { chainId: number; username: string; password: string; role: Role },
  now: number,
): Promise<Outcome<number>> {
  const existing = await db
    .selectFrom('accounts')
    .select('id')
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (existing) return refuse('already_exists', `an account named ${input.username} exists`);
  const row = await db
    .insertInto('accounts')
    .values({
      chain_id: input.chainId,
      username: input.username,
      password_hash: await hashSecret(input.password),
      role: input.role,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return ok(row.id);
}
