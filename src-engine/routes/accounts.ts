import { Router } from 'express';
import { z } from 'zod';
import type { EngineDeps } from '../deps';
import {
  changePassword,
  listAccounts,
  resetPassword,
  setAccountDisabled,
  unlockAccount,
} from '../domain/accounts';
import { listSessions, revokeSession } from '../domain/sessions';
import { toSpaazaDateTime } from '../../src-shared/wire';
import { newPassword } from '../domain/admin-schemas';
import { authenticate, sessionKeyOf } from '../http/authenticate';
import { authorize } from '../http/authorize';
import { sendOk } from '../http/envelope';
import { EngineError, valueOrRefuse } from '../http/errors';
import { rowIdParams } from '../http/fields';
import { paramsOf, parseParams } from '../http/parse';

/** An admin manages the chain's accounts; any signed-in account changes its own password. */
export function accountRoutes(deps: EngineDeps): Router {
  const router = Router();
  const db = deps.db.kysely;

  router.get('/admin/accounts', async (request, response) => {
    const { chainId } = await authorize(deps, request, 'admin');
    const accounts = await listAccounts(db, chainId, deps.now());
    sendOk(response, {
      result_type: 'get-accounts',
      accounts: accounts.map((account) => ({
        id: account.id,
        username: account.username,
        role: account.role,
        store_code: account.storeCode,
        disabled: account.disabledAt !== null,
        locked_until: account.lockedUntil === null ? null : toSpaazaDateTime(account.lockedUntil),
        sessions: account.sessions,
      })),
    });
  });

  for (const [path, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    router.post(`/admin/accounts/:id/${path}`, async (request, response) => {
      const actor = await authorize(deps, request, 'admin');
      const { id } = parseParams(rowIdParams, request.params);
      const { username } = valueOrRefuse(
        await setAccountDisabled(db, actor, id, disabled, deps.now()),
      );
      sendOk(response, { result_type: `${path}-account`, account_id: id, username, disabled });
    });
  }

  router.post('/admin/accounts/:id/unlock', async (request, response) => {
    const actor = await authorize(deps, request, 'admin');
    const { id } = parseParams(rowIdParams, request.params);
    const { username } = valueOrRefuse(await unlockAccount(db, actor, id, deps.now()));
    sendOk(response, { result_type: 'unlock-account', account_id: id, username });
  });

  router.get('/admin/accounts/:id/sessions', async (request, response) => {
    const actor = await authorize(deps, request, 'admin');
    const { id } = parseParams(rowIdParams, request.params);
    const listed = valueOrRefuse(await listSessions(db, actor, id, deps.now()));
    sendOk(response, {
      result_type: 'get-sessions',
      account_id: id,
      username: listed.username,
      sessions: listed.sessions.map((session) => ({
        id: session.id,
        created_at: toSpaazaDateTime(session.createdAt),
        expires_at: toSpaazaDateTime(session.expiresAt),
      })),
    });
  });

  router.post('/admin/sessions/:id/revoke', async (request, response) => {
    const actor = await authorize(deps, request, 'admin');
    const { id } = parseParams(rowIdParams, request.params);
    const { username } = valueOrRefuse(await revokeSession(db, actor, id, deps.now()));
    sendOk(response, { result_type: 'revoke-session', session_id: id, username });
  });

  router.post('/admin/accounts/:id/reset-password', async (request, response) => {
    const actor = await authorize(deps, request, 'admin');
    const { id } = parseParams(rowIdParams, request.params);
    const { password } = parseParams(z.object({ password: newPassword }), paramsOf(request));
    const { username } = valueOrRefuse(await resetPassword(db, actor, id, password, deps.now()));
    sendOk(response, { result_type: 'reset-password', account_id: id, username });
  });

  router.post('/auth/change-password', async (request, response) => {
    const actor = await authenticate(db, request, deps.now());
    const key = sessionKeyOf(request);
    if (actor.accountId === null || key === null)
      throw new EngineError(
        'permission_denied_or_non_existent',
        'only a signed-in account has a password to change; an API key has none',
      );
    const { password, new_password } = parseParams(
      z.object({ password: z.string().min(1), new_password: newPassword }),
      paramsOf(request),
    );
    valueOrRefuse(
      await changePassword(
        db,
        { ...actor, accountId: actor.accountId },
        { current: password, next: new_password },
        key,
        deps.now(),
      ),
    );
    sendOk(response, { result_type: 'change-password' });
  });
  return router;
}
