import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { loginRequestSchema, toSpaazaDateTime } from '../../src-shared/wire';
import type { EngineDeps } from '../deps';
import { login, logout } from '../domain/accounts';
import { authenticate, sessionKeyOf } from '../http/authenticate';
import { sendOk } from '../http/envelope';
import { valueOrRefuse } from '../http/errors';
import { paramsOf, parseParams } from '../http/parse';

export function authRoutes(deps: EngineDeps): Router {
  const router = Router();
  const db = deps.db.kysely;

  router.post('/auth/login', async (request, response) => {
    const { username, password } = parseParams(loginRequestSchema, paramsOf(request));
    const session = valueOrRefuse(
      await deps.limits.login(request.ip ?? 'unknown', () =>
        login(
          db,
          { username, password },
          { now: deps.now(), sessionSeconds: deps.sessionSeconds, limits: deps.limits },
        ),
      ),
    );
    sendOk(response, {
      result_type: 'login',
      session_info: {
        session_user_id: session.userId,
        session_key: session.key,
        session_expires_date: toSpaazaDateTime(session.expiresAt),
        session_validity_seconds: deps.sessionSeconds,
        auth_method: 'password',
      },
      user_info: {
        username: session.username,
        role: session.role,
        chain_id: session.chainId,
        store_code: session.storeCode,
      },
    });
  });

  const logoutHandler: RequestHandler = async (request, response) => {
    const actor = await authenticate(db, request, deps.now());
    const { userId, key } = parseParams(
      z.object({ userId: z.number().int(), key: z.string().min(1) }),
      { userId: actor.accountId, key: sessionKeyOf(request) },
    );
    await logout(db, userId, key);
    sendOk(response, { result_type: 'logout' });
  };
  router.post('/auth/logout', logoutHandler);
  router.delete('/auth/logout', logoutHandler);
  return router;
}
