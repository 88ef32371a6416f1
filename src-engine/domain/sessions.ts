import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ok } from '../../src-shared/result';
import { accountOfChain } from './accounts';
import type { Actor } from './actor';
import { audit } from './audit';
import { refuse, type Outcome } from './refusal';

export interface SessionSummary {
  readonly id: number;
  readonly createdAt: number;
  readonly expiresAt: number;
}

/** One account's live sessions, oldest first (never their keys). */
export async function listSessions(
  db: Kysely<Database>,
  actor: Actor,
  accountId: number,
  now: number,
): Promise<Outcome<{ username: string; sessions: SessionSummary[] }>> {
  const found = await accountOfChain(db, actor, accountId);
  if (!found.ok) return found;
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'expires_at'])
    .where('account_id', '=', accountId)
    .where('expires_at', '>', now)
    .orderBy('id')
    .execute();
  return ok({
    username: found.value.username,
    sessions: rows.map((row) => ({
      id: row.id,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
    })),
  });
}

/** Ends one session of one of the chain's accounts (a lost till, a leaked key). Audited. */
export async function revokeSession(
  db: Kysely<Database>,
  actor: Actor,
  sessionId: number,
  now: number,
): Promise<Outcome<{ username: string }>> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .select(['accounts.username'])
    .where('sessions.id', '=', sessionId)
    .where('accounts.chain_id', '=', actor.chainId)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
  if (!row)
    return refuse(
      'permission_denied_or_non_existent',
      `there is no live session ${sessionId} in this chain`,
    );
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
    await audit(trx, actor, 'revoke_session', now, {
      reason: `${row.username} session ${sessionId}`,
    });
  });
  return ok({ username: row.username });
}
