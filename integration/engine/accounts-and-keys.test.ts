import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { createChain } from '../../src-engine/domain/admin';
import { createOperatorKey } from '../../src-engine/domain/api-keys';
import {
  call,
  isRecord,
  loginAs,
  type CallOptions,
  type Session,
} from '../../test-support/engine/client';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';

describeEachDatabase(
  'API keys and accounts: granted no higher, listed, revoked, disabled',
  (database) => {
    let engine: TestEngine;
    let admin: Session;

    beforeAll(async () => {
      engine = await startTestEngine(database, { demo: true });
      admin = await loginAs(engine.url, 'admin', 'demo-admin');
    });
    afterAll(async () => {
      await engine.close();
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    const asAdmin = (path: string, json?: unknown, method?: string) =>
      call(engine.url, path, {
        session: admin,
        ...(json === undefined ? {} : { json }),
        ...(method ? { method } : {}),
      });
    /** What a call that any role may make answers with this credential: 200 while it works. */
    const statusWith = async (credential: Pick<CallOptions, 'session' | 'bearer'>) =>
      (
        await call(engine.url, '/get-user-vouchers', {
          ...credential,
          query: { member_number: '1000001' },
        })
      ).status;
    const resultsOf = (body: Record<string, unknown>): Record<string, unknown> =>
      isRecord(body.results) ? body.results : {};
    const auditActions = async () =>
      (
        await engine.db.kysely
          .selectFrom('audit_log')
          .select(['action', 'actor', 'reason'])
          .execute()
      ).map((row) => `${row.action} by ${row.actor}: ${row.reason ?? ''}`);

    it('an admin cannot mint a privileged key, so its keys cannot create a chain', async () => {
      const refused = await asAdmin('/admin/api-keys', { label: 'escalate', role: 'privileged' });
      expect(refused.status).toBe(403);
      expect(JSON.stringify(refused.body)).toContain('cannot grant the privileged role');
      const unnamed = await asAdmin('/admin/api-keys', { label: 'unnamed role' });
      expect(resultsOf(unnamed.body).role).toBe('admin');

      const created = await asAdmin('/admin/api-keys', { label: 'crm-sync', role: 'admin' });
      expect(created.status).toBe(200);
      const key = String(resultsOf(created.body).api_key);
      const chain = await call(engine.url, '/admin/chains', {
        bearer: key,
        json: { name: 'Not allowed', currency: 'EUR', timezone: 'Europe/Amsterdam' },
      });
      expect(chain.status).toBe(403);
      const campaigns = await call(engine.url, '/admin/api-keys', { bearer: key });
      expect(campaigns.status).toBe(200);
    });

    it('lists keys without the key, and a revoked key stops working at once', async () => {
      const created = await asAdmin('/admin/api-keys', { label: 'to-revoke', role: 'manager' });
      const key = String(resultsOf(created.body).api_key);
      expect(await statusWith({ bearer: key })).toBe(200);

      const listed = await asAdmin('/admin/api-keys');
      const keys = resultsOf(listed.body).api_keys;
      if (!Array.isArray(keys)) throw new Error('no key list');
      const row: unknown = keys.find(
        (entry: unknown) => isRecord(entry) && entry.label === 'to-revoke',
      );
      expect(row).toMatchObject({
        role: 'manager',
        created_by: 'admin',
        revoked_at: null,
        expires_at: null,
      });
      expect(JSON.stringify(listed.body)).not.toContain(key);
      const id = isRecord(row) ? Number(row.id) : 0;

      expect((await asAdmin(`/admin/api-keys/${id}/revoke`, {})).status).toBe(200);
      expect(await statusWith({ bearer: key })).toBe(401);
      expect((await asAdmin(`/admin/api-keys/${id}/revoke`, {})).status).toBe(409);
      expect(await auditActions()).toEqual(
        expect.arrayContaining([
          'create_api_key by admin: to-revoke (manager)',
          'revoke_api_key by admin: to-revoke',
        ]),
      );
    });

    it('a key past its expiry proves nobody; an expiry in the past is refused', async () => {
      const past = await asAdmin('/admin/api-keys', {
        label: 'old',
        role: 'terminal',
        expires: '2020-01-01T00:00:00Z',
      });
      expect(past.status).toBe(400);
      const soon = new Date(Date.now() + 60_000).toISOString();
      const created = await asAdmin('/admin/api-keys', {
        label: 'short',
        role: 'terminal',
        expires: soon,
      });
      const key = String(resultsOf(created.body).api_key);
      expect(await statusWith({ bearer: key })).toBe(200);
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 120_000 });
      expect(await statusWith({ bearer: key })).toBe(401);
    });

    it('another chain’s key can neither list nor revoke this chain’s keys', async () => {
      const otherChain = await createChain(
        engine.db.kysely,
        { name: 'Other', currency: 'EUR', timezone: 'Europe/Amsterdam' },
        Date.now(),
      );
      const otherKey = await createOperatorKey(engine.db.kysely, otherChain, 'other', Date.now());
      const listed = await call(engine.url, '/admin/api-keys', { bearer: otherKey });
      expect(JSON.stringify(listed.body)).not.toContain('crm-sync');
      const ours = await engine.db.kysely
        .selectFrom('api_keys')
        .select('id')
        .where('label', '=', 'crm-sync')
        .executeTakeFirstOrThrow();
      const revoke = await call(engine.url, `/admin/api-keys/${ours.id}/revoke`, {
        bearer: otherKey,
        json: {},
      });
      expect(revoke.status).toBe(403);
      const still = await engine.db.kysely
        .selectFrom('api_keys')
        .select('revoked_at')
        .where('id', '=', ours.id)
        .executeTakeFirstOrThrow();
      expect(still.revoked_at).toBeNull();
    });

    it('several sessions of one account live side by side, up to the bound', async () => {
      const first = await loginAs(engine.url, 'till-s001-01', 'demo-till');
      const second = await loginAs(engine.url, 'till-s001-01', 'demo-till');
      for (const session of [first, second]) expect(await statusWith({ session })).toBe(200);
      for (let index = 0; index < 8; index += 1)
        await loginAs(engine.url, 'till-s001-01', 'demo-till');
      expect(await statusWith({ session: first })).toBe(401);
    });

    it('a disabled account cannot sign in and its sessions end; enabled again, it can', async () => {
      const accounts = resultsOf((await asAdmin('/admin/accounts')).body).accounts;
      if (!Array.isArray(accounts)) throw new Error('no account list');
      const manager: unknown = accounts.find(
        (entry: unknown) => isRecord(entry) && entry.username === 'manager-s001',
      );
      const id = isRecord(manager) ? Number(manager.id) : 0;
      const session = await loginAs(engine.url, 'manager-s001', 'demo-manager');
      expect((await asAdmin(`/admin/accounts/${id}/disable`, {})).status).toBe(200);
      expect(await statusWith({ session })).toBe(401);
      const login = await call(engine.url, '/auth/login', {
        form: { username: 'manager-s001', password: 'demo-manager' },
      });
      expect(login.status).toBe(401);
      expect((await asAdmin(`/admin/accounts/${id}/enable`, {})).status).toBe(200);
      await loginAs(engine.url, 'manager-s001', 'demo-manager');
      expect(await auditActions()).toEqual(
        expect.arrayContaining([
          'disable_account by admin: manager-s001',
          'enable_account by admin: manager-s001',
        ]),
      );
    });

    it('passwords: an admin resets one (sessions end); an account changes its own with the current one', async () => {
      const created = await asAdmin('/admin/accounts', {
        username: 'till-s001-02',
        password: 'demo-till',
        role: 'terminal',
        store_code: 'S001',
      });
      const id = Number(resultsOf(created.body).account_id);
      const old = await loginAs(engine.url, 'till-s001-02', 'demo-till');
      expect(
        (await asAdmin(`/admin/accounts/${id}/reset-password`, { password: 'short' })).status,
      ).toBe(400);
      expect(
        (await asAdmin(`/admin/accounts/${id}/reset-password`, { password: 'a-new-till-password' }))
          .status,
      ).toBe(200);
      expect(await statusWith({ session: old })).toBe(401);

      const fresh = await loginAs(engine.url, 'till-s001-02', 'a-new-till-password');
      const wrong = await call(engine.url, '/auth/change-password', {
        session: fresh,
        json: { password: 'not-it', new_password: 'another-password' },
      });
      expect(wrong.status).toBe(401);
      const changed = await call(engine.url, '/auth/change-password', {
        session: fresh,
        json: { password: 'a-new-till-password', new_password: 'demo-till' },
      });
      expect(changed.status).toBe(200);
      expect(await statusWith({ session: fresh })).toBe(200);
      await loginAs(engine.url, 'till-s001-02', 'demo-till');
    });

    it('a taken username is refused without saying which chain holds it', async () => {
      const otherChain = await createChain(
        engine.db.kysely,
        { name: 'Third', currency: 'EUR', timezone: 'Europe/Amsterdam' },
        Date.now(),
      );
      const otherKey = await createOperatorKey(engine.db.kysely, otherChain, 'third', Date.now());
      const taken = await call(engine.url, '/admin/accounts', {
        bearer: otherKey,
        json: { username: 'admin', password: 'long-enough-pass', role: 'admin' },
      });
      expect(taken.status).toBe(409);
      expect(JSON.stringify(taken.body)).toContain('cannot be used; choose another');
      expect(JSON.stringify(taken.body)).not.toContain('an account named');
    });
  },
);
