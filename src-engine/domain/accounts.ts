import { setTimeout } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema';
import { ok } from '../../src-shared/result';
import type { Actor } from './actor';
import { findStore } from '../repo/stores';
import { accountLockMs, type AttemptLimits } from './attempt-limits';
import { invalidFields, refuse, tooManyAttempts, type Outcome } from './refusal';
import { audit } from './audit';
import { hashSecret, randomToken, sha256, verifySecret } from './secrets';

export interface SessionInfo {
  readonly userId: number;
  readonly key: string;
  readonly expiresAt: number;
  readonly username: string;
  readonly role: Role;
  readonly chainId: number;
  /** The store the account belongs to; null: the whole chain. */
  readonly storeCode: string | null;
}

/** Sessions an account may hold at once (tills and scripts sharing it); the oldest ends first. */
export const MAX_SESSIONS_PER_ACCOUNT = 8;

/** Spaaza's login: a new session beside the account's others, of which the oldest beyond the bound end. */
export async function login(
  db: Kysely<Database>,
  credentials: { readonly username: string; readonly password: string },
  context: {
    readonly now: number;
    readonly sessionSeconds: number;
    readonly limits: AttemptLimits;
  },
): Promise<Outcome<SessionInfo>> {
  const { now, limits } = context;
  const account = await db
    .selectFrom('accounts')
    .leftJoin('stores', 'stores.id', 'accounts.store_id')
    .selectAll('accounts')
    .select('stores.code as store_code')
    .where('accounts.username', '=', credentials.username)
    .where('accounts.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!account) {
    // as long as a check takes, without taking a check's place from a real login
    await setTimeout(PASSWORD_CHECK_MS);
    return WRONG_PASSWORD;
  }
  if (account.locked_until !== null && account.locked_until > now)
    return tooManyAttempts(
      `too many failed logins for ${account.username}; wait, or ask an admin to unlock it`,
      account.locked_until - now,
    );
  const check = limits.checkPassword(() =>
    verifySecret(credentials.password, account.password_hash),
  );
  if (check === null)
    return tooManyAttempts('the engine is checking many logins just now; try again', 1000);
  if (!(await check)) {
    const failures = account.failed_logins + 1;
    const lockMs = accountLockMs(limits.settings, failures);
    await db
      .updateTable('accounts')
      .set({ failed_logins: failures, locked_until: lockMs > 0 ? now + lockMs : null })
      .where('id', '=', account.id)
      .execute();
    return WRONG_PASSWORD;
  }
  const key = randomToken();
  const expiresAt = now + context.sessionSeconds * 1000;
  await db.transaction().execute(async (trx) => {
    if (account.failed_logins > 0)
      await trx
        .updateTable('accounts')
        .set({ failed_logins: 0, locked_until: null })
        .where('id', '=', account.id)
        .execute();
    await trx
      .deleteFrom('sessions')
      .where('account_id', '=', account.id)
      .where('expires_at', '<=', now)
      .execute();
    await trx
      .insertInto('sessions')
      .values({
        account_id: account.id,
        key_hash: sha256(key),
        created_at: now,
        expires_at: expiresAt,
      })
      .execute();
    const kept = trx
      .selectFrom('sessions')
      .select('id')
      .where('account_id', '=', account.id)
      .orderBy('id', 'desc')
      .limit(MAX_SESSIONS_PER_ACCOUNT);
    await trx
      .deleteFrom('sessions')
      .where('account_id', '=', account.id)
      .where('id', 'not in', kept)
      .execute();
  });
  return ok({
    userId: account.id,
    key,
    expiresAt,
    username: account.username,
    role: account.role,
    chainId: account.chain_id,
    storeCode: account.store_code,
  });
}

const WRONG_PASSWORD = refuse('password_error_or_non_existent', 'wrong username or password');

/** How long one password check takes on this machine, measured once at start. */
const PASSWORD_CHECK_MS = await (async () => {
  const started = performance.now();
  await hashSecret(randomToken());
  return Math.round(performance.now() - started);
})();

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
    .leftJoin('stores', 'stores.id', 'accounts.store_id')
    .select([
      'accounts.id',
      'accounts.chain_id',
      'accounts.username',
      'accounts.role',
      'stores.code as store_code',
    ])
    .where('sessions.key_hash', '=', sha256(key))
    .where('sessions.expires_at', '>', now)
    .where('accounts.disabled_at', 'is', null);
  if (userId !== null) query = query.where('sessions.account_id', '=', userId);
  if (username !== null) query = query.where('accounts.username', '=', username);
  const row = await query.executeTakeFirst();
  return row
    ? {
        chainId: row.chain_id,
        role: row.role,
        name: row.username,
        accountId: row.id,
        storeCode: row.store_code,
      }
    : null;
}

export interface AccountInput {
  readonly chainId: number;
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  /** Required for terminal and manager accounts, refused for admins (they reach every store). */
  readonly storeCode?: string | undefined;
}

/** Where a new account belongs: terminals and managers to one of the chain's stores. */
async function storeOfNewAccount(
  db: Kysely<Database>,
  input: AccountInput,
): Promise<Outcome<number | null>> {
  const { role, storeCode } = input;
  if (role === 'admin')
    return storeCode === undefined
      ? ok(null)
      : invalidFields([
          { path: 'store_code', message: 'admin accounts reach every store; send no store_code' },
        ]);
  if (storeCode === undefined)
    return invalidFields([
      { path: 'store_code', message: `a ${role} account belongs to a store; name its store_code` },
    ]);
  const store = await findStore(db, input.chainId, storeCode);
  return store
    ? ok(store.id)
    : invalidFields([{ path: 'store_code', message: `no store ${storeCode} in this chain` }]);
}

export async function createAccount(
  db: Kysely<Database>,
  input: AccountInput,
  now: number,
): Promise<Outcome<number>> {
  const store = await storeOfNewAccount(db, input);
  if (!store.ok) return store;
  const existing = await db
    .selectFrom('accounts')
    .select('id')
    .where('username', '=', input.username)
    .executeTakeFirst();
  // one answer whichever chain holds the name, so it tells nobody about another chain's accounts
  if (existing)
    return refuse(
      'already_exists',
      `the username ${input.username} cannot be used; choose another`,
    );
  const row = await db
    .insertInto('accounts')
    .values({
      chain_id: input.chainId,
      username: input.username,
      password_hash: await hashSecret(input.password),
      role: input.role,
      store_id: store.value,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return ok(row.id);
}

/** One of the actor's chain's accounts, or a refusal that says nothing of other chains. */
export async function accountOfChain(db: Kysely<Database>, actor: Actor, accountId: number) {
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'username', 'role', 'disabled_at'])
    .where('id', '=', accountId)
    .where('chain_id', '=', actor.chainId)
    .executeTakeFirst();
  return account
    ? ok(account)
    : refuse('permission_denied_or_non_existent', `there is no account ${accountId} in this chain`);
}

export interface AccountSummary {
  readonly id: number;
  readonly username: string;
  readonly role: Role;
  readonly disabledAt: number | null;
  readonly storeCode: string | null;
  /** Until when failed logins keep it locked out; null: not locked. */
  readonly lockedUntil: number | null;
  readonly sessions: number;
}

/** The chain's accounts with how many live sessions each holds. */
export async function listAccounts(
  db: Kysely<Database>,
  chainId: number,
  now: number,
): Promise<AccountSummary[]> {
  const rows = await db
    .selectFrom('accounts')
    .leftJoin('sessions', (join) =>
      join.onRef('sessions.account_id', '=', 'accounts.id').on('sessions.expires_at', '>', now),
    )
    .leftJoin('stores', 'stores.id', 'accounts.store_id')
    .select(({ fn }) => [
      'accounts.id',
      'accounts.username',
      'accounts.role',
      'accounts.disabled_at',
      'accounts.locked_until',
      'stores.code as store_code',
      fn.count<string | number>('sessions.id').as('sessions'),
    ])
    .where('accounts.chain_id', '=', chainId)
    .groupBy([
      'accounts.id',
      'accounts.username',
      'accounts.role',
      'accounts.disabled_at',
      'accounts.locked_until',
      'stores.code',
    ])
    .orderBy('accounts.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    role: row.role,
    disabledAt: row.disabled_at,
    storeCode: row.store_code,
    lockedUntil: row.locked_until !== null && row.locked_until > now ? row.locked_until : null,
    sessions: Number(row.sessions),
  }));
}

/** Disables (or enables again) an account; disabling ends its sessions. Audited. */
export async function setAccountDisabled(
  db: Kysely<Database>,
  actor: Actor,
  accountId: number,
  disabled: boolean,
  now: number,
): Promise<Outcome<{ username: string }>> {
  const found = await accountOfChain(db, actor, accountId);
  if (!found.ok) return found;
  if (disabled && accountId === actor.accountId)
    return refuse('invalid_parameters', 'an account cannot disable itself; ask another admin');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('accounts')
      .set({ disabled_at: disabled ? now : null })
      .where('id', '=', accountId)
      .execute();
    if (disabled) await trx.deleteFrom('sessions').where('account_id', '=', accountId).execute();
    await audit(trx, actor, disabled ? 'disable_account' : 'enable_account', now, {
      reason: found.value.username,
    });
  });
  return ok({ username: found.value.username });
}

/** An admin lifts a lockout after failed logins, before it ends by itself. Audited. */
export async function unlockAccount(
  db: Kysely<Database>,
  actor: Actor,
  accountId: number,
  now: number,
): Promise<Outcome<{ username: string }>> {
  const found = await accountOfChain(db, actor, accountId);
  if (!found.ok) return found;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('accounts')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', accountId)
      .execute();
    await audit(trx, actor, 'unlock_account', now, { reason: found.value.username });
  });
  return ok({ username: found.value.username });
}

/** An admin sets a new password for an account; its sessions end. Audited (never the password). */
export async function resetPassword(
  db: Kysely<Database>,
  actor: Actor,
  accountId: number,
  password: string,
  now: number,
): Promise<Outcome<{ username: string }>> {
  const found = await accountOfChain(db, actor, accountId);
  if (!found.ok) return found;
  const hash = await hashSecret(password);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('accounts')
      .set({ password_hash: hash })
      .where('id', '=', accountId)
      .execute();
    await trx.deleteFrom('sessions').where('account_id', '=', accountId).execute();
    await audit(trx, actor, 'reset_password', now, { reason: found.value.username });
  });
  return ok({ username: found.value.username });
}

/** A signed-in account changes its own password; its other sessions end. Audited. */
export async function changePassword(
  db: Kysely<Database>,
  actor: Actor & { readonly accountId: number },
  passwords: { readonly current: string; readonly next: string },
  sessionKey: string,
  now: number,
): Promise<Outcome<null>> {
  const account = await db
    .selectFrom('accounts')
    .select('password_hash')
    .where('id', '=', actor.accountId)
    .executeTakeFirstOrThrow();
  if (!(await verifySecret(passwords.current, account.password_hash)))
    return refuse('password_error_or_non_existent', 'the current password is not right');
  const hash = await hashSecret(passwords.next);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('accounts')
      .set({ password_hash: hash })
      .where('id', '=', actor.accountId)
      .execute();
    await trx
      .deleteFrom('sessions')
      .where('account_id', '=', actor.accountId)
      .where('key_hash', '!=', sha256(sessionKey))
      .execute();
    await audit(trx, actor, 'change_password', now, { reason: actor.name });
  });
  return ok(null);
}
