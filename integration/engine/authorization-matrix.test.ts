import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createChain, createStore } from '../../src-engine/domain/admin';
import { expectOk } from '../../src-engine/domain/refusal';
import { basketRequest, item } from '../../test-support/engine/baskets';
import {
  call,
  isRecord,
  loginAs,
  type Answer,
  type CallOptions,
} from '../../test-support/engine/client';
import { documentedRoles } from '../../test-support/engine/documented-roles';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';

/** Who may call what: the least role, `none` for anyone, `account` for any signed-in account (not a key). */
type Need = 'none' | 'terminal' | 'manager' | 'admin' | 'privileged' | 'account';

const NEEDS: Readonly<Record<string, Need>> = {
  'POST /commands/purchase_reward': 'admin',
  'POST /commands/redeem_benefit': 'admin',
  'POST /commands/validate_voucher': 'terminal',
  'GET /benefits/': 'manager',
  'GET /benefits/:id': 'manager',
  'GET /events/': 'admin',
  'GET /events/:id': 'admin',
  'GET /healthz': 'none',
  'GET /readyz': 'none',
  'POST /auth/login': 'none',
  'POST /auth/logout': 'terminal',
  'DELETE /auth/logout': 'terminal',
  'POST /auth/get-basket-price': 'terminal',
  'POST /auth/add-basket': 'terminal',
  'POST /auth/add-basket-payment': 'terminal',
  'PUT /lock-voucher': 'terminal',
  'PUT /unlock-voucher': 'manager',
  'POST /unlock-voucher': 'manager',
  'POST /claim-voucher': 'terminal',
  'PUT /claim-voucher': 'terminal',
  'POST /unclaim-voucher': 'terminal',
  'PUT /unclaim-voucher': 'terminal',
  'POST /create-voucher': 'admin',
  'POST /expire-voucher': 'manager',
  'PUT /expire-voucher': 'manager',
  'DELETE /delete-voucher': 'manager',
  'POST /auth/redeem-voucher': 'admin',
  'PUT /auth/redeem-voucher': 'admin',
  'POST /claim-vouchers': 'terminal',
  'POST /auth/claim-basket': 'terminal',
  'GET /get-receipts': 'terminal',
  'GET /get-vouchers': 'manager',
  'GET /get-user-vouchers': 'terminal',
  'GET /get-card': 'terminal',
  'POST /admin/chains': 'privileged',
  'PUT /admin/chain-settings': 'admin',
  'POST /admin/stores': 'admin',
  'POST /admin/accounts': 'admin',
  'POST /admin/members': 'admin',
  'POST /admin/campaigns': 'admin',
  'POST /admin/campaigns/:id/codes': 'admin',
  'GET /admin/campaigns/:id/codes': 'admin',
  'GET /reward-pools': 'manager',
  'POST /admin/vouchers': 'admin',
  'POST /admin/api-keys': 'admin',
  'GET /admin/api-keys': 'admin',
  'POST /admin/api-keys/:id/revoke': 'admin',
  'GET /admin/audit': 'admin',
  'GET /admin/audit/verify': 'admin',
  'GET /admin/accounts': 'admin',
  'POST /admin/accounts/:id/disable': 'admin',
  'POST /admin/accounts/:id/enable': 'admin',
  'POST /admin/accounts/:id/unlock': 'admin',
  'GET /admin/accounts/:id/sessions': 'admin',
  'POST /admin/sessions/:id/revoke': 'admin',
  'POST /admin/accounts/:id/reset-password': 'admin',
  'POST /auth/change-password': 'account',
  'GET /sync/honour-vouchers': 'terminal',
  'POST /sync/till-audit': 'terminal',
  'POST /sync/conflicts': 'terminal',
  'GET /sync/conflicts': 'manager',
  'POST /sync/conflicts/:id/acknowledge': 'manager',
  'POST /admin/webhooks': 'admin',
  'GET /admin/webhooks': 'admin',
  'DELETE /admin/webhooks/:id': 'admin',
  'GET /admin/webhooks/:id/deliveries': 'admin',
};

type CallerName = 'none' | 'terminal' | 'manager' | 'admin' | 'privileged';
const CALLERS: readonly CallerName[] = ['none', 'terminal', 'manager', 'admin', 'privileged'];
const RANK: Readonly<Record<CallerName, number>> = {
  none: 0,
  terminal: 1,
  manager: 2,
  admin: 3,
  privileged: 4,
};

function allowed(need: Need, caller: CallerName): boolean {
  if (need === 'account') return caller !== 'none' && caller !== 'privileged';
  return RANK[caller] >= RANK[need];
}

const BOOTSTRAP_KEY = 'authorization-matrix-privileged-key';

/** The words an answer's error carries, in either face's envelope. */
function errorText(answer: Answer): string {
  const error = answer.body.error;
  if (!isRecord(error)) return '';
  return [error.name, error.code, error.description, error.message].map(String).join(' ');
}

/** Refused for who is calling (no valid caller, too low a role, a key where an account is needed). */
function refusedForCaller(answer: Answer): boolean {
  if (answer.status === 401) return true;
  return (
    answer.status === 403 &&
    /needs the \w+ role|needs a privileged API key|only a signed-in account/.test(errorText(answer))
  );
}

/** Refused for what the caller may reach: another store's or another chain's. */
function refusedForReach(answer: Answer): boolean {
  return answer.status === 403 || answer.status === 404;
}

describeEachDatabase('authorization matrix', (database) => {
  let engine: TestEngine;
  const sessions = new Map<string, CallOptions>();
  const passwords = new Map<string, [string, string]>();
  let basketNumber = 0;
  const nextBasket = (store: string) =>
    `${store}-09-20261202-${String(++basketNumber).padStart(4, '0')}`;

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true, bootstrapApiKey: BOOTSTRAP_KEY });
    const db = engine.db.kysely;
    const now = Date.now();
    expectOk(await createStore(db, { chainId: 1, code: 'S002', name: 'Second store' }));
    const other = await createChain(
      db,
      { name: 'Other chain', currency: 'EUR', timezone: 'Europe/Amsterdam' },
      now,
    );
    expectOk(await createStore(db, { chainId: other, code: 'S001', name: 'Other chain’s S001' }));
    const accounts = [
      { chainId: 1, username: 'till-s002-01', role: 'terminal', storeCode: 'S002' },
      { chainId: 1, username: 'manager-s002', role: 'manager', storeCode: 'S002' },
      { chainId: other, username: 'other-till', role: 'terminal', storeCode: 'S001' },
      { chainId: other, username: 'other-manager', role: 'manager', storeCode: 'S001' },
      { chainId: other, username: 'other-admin', role: 'admin' },
    ] as const;
    for (const account of accounts)
      expectOk(await createAccount(db, { ...account, password: `${account.username}-pw` }, now));
    const logins: [string, string, string][] = [
      ['terminal', 'till-s001-01', 'demo-till'],
      ['manager', 'manager-s001', 'demo-manager'],
      ['admin', 'admin', 'demo-admin'],
      ...accounts.map((account): [string, string, string] => [
        account.username,
        account.username,
        `${account.username}-pw`,
      ]),
    ];
    for (const [name, username, password] of logins) {
      passwords.set(name, [username, password]);
      sessions.set(name, { session: await loginAs(engine.url, username, password) });
    }
    sessions.set('privileged', { bearer: BOOTSTRAP_KEY });
    sessions.set('none', {});
  });
  afterAll(() => engine.close());

  const as = (caller: string): CallOptions => {
    const options = sessions.get(caller);
    if (!options) throw new Error(`no caller ${caller}`);
    return options;
  };

  /** Logout ends the session it is sent with: it gets a session of its own. */
  const asFor = async (callName: string, caller: string): Promise<CallOptions> => {
    const account = passwords.get(caller);
    if (!callName.endsWith('/auth/logout') || !account) return as(caller);
    return { session: await loginAs(engine.url, ...account) };
  };

  it('names every call the engine answers, with the roles the documentation gives', () => {
    const routes = engine.routes.map((route) => `${route.method} ${route.path}`);
    expect(routes.toSorted()).toEqual(Object.keys(NEEDS).toSorted());
    for (const [callName, role] of documentedRoles()) {
      const need = NEEDS[callName];
      if (need !== undefined) expect(`${callName} ${need}`).toBe(`${callName} ${role}`);
    }
  });

  describe.each(Object.entries(NEEDS))('%s', (callName, need) => {
    const [method = 'GET', path = '/'] = callName.split(' ');
    it.each(CALLERS)(`as %s: ${need === 'none' ? 'anyone' : `needs ${need}`}`, async (caller) => {
      // a caller is checked before the request is read: an empty one is enough to be refused
      const answer = await call(engine.url, path.replace(':id', '999999'), {
        method,
        ...(method === 'GET' ? {} : { form: {} }),
        ...(await asFor(callName, caller)),
      });
      expect(answer.status).toBeLessThan(500);
      expect(
        refusedForCaller(answer),
        `${caller} ${callName}: ${answer.status} ${errorText(answer)}`,
      ).toBe(!allowed(need, caller));
    });
  });

  describe('stores and chains', () => {
    const pricedIn = async (caller: string, store: string, path?: string) => {
      const request = basketRequest(nextBasket(store), [item('SKU-1', 4.5)], { member: null });
      const answer = await call(engine.url, path ?? '/auth/get-basket-price', {
        json: { ...request, entity: { ...request.entity, branch_business_owner_code: store } },
        ...as(caller),
      });
      return answer;
    };

    it.each([
      ['terminal', true],
      ['manager', true],
      ['admin', true],
      ['privileged', true],
      ['till-s002-01', false],
      ['manager-s002', false],
      ['other-till', false],
      ['other-manager', false],
      ['other-admin', false],
    ] as const)(
      'a basket of store S001 of chain 1, priced and confirmed as %s: %s',
      async (caller, ok) => {
        for (const path of ['/auth/get-basket-price', '/auth/add-basket']) {
          const answer = await pricedIn(caller, 'S001', path);
          if (ok) expect(answer.status, errorText(answer)).toBe(200);
          else expect(refusedForReach(answer), `${answer.status} ${errorText(answer)}`).toBe(true);
        }
      },
    );

    it('a basket of a store the chain does not have is refused, naming it', async () => {
      for (const caller of ['admin', 'privileged']) {
        const answer = await pricedIn(caller, 'NO-SUCH-STORE');
        expect(answer.status).toBe(400);
        expect(errorText(answer)).toContain('no store NO-SUCH-STORE in this chain');
      }
      expect((await pricedIn('terminal', 'S001')).status).toBe(200);
    });

    const keyOf = async (code: string) => {
      const answer = await call(engine.url, '/get-vouchers', {
        query: { chain_id: 1, show_all_statuses: 'true', number_results: 500 },
        ...as('admin'),
      });
      const results = answer.body.results;
      const vouchers = isRecord(results) && Array.isArray(results.vouchers) ? results.vouchers : [];
      const found: unknown = vouchers.find(
        (voucher: unknown) => isRecord(voucher) && voucher.voucher_code === code,
      );
      if (!isRecord(found) || typeof found.voucher_key !== 'string') throw new Error(`no ${code}`);
      return found.voucher_key;
    };

    it.each([
      ['manager', true],
      ['admin', true],
      ['privileged', true],
      ['manager-s002', false],
      ['other-manager', false],
      ['other-admin', false],
    ] as const)('S001’s locks, listed and freed as %s: %s', async (caller, ok) => {
      const key = await keyOf('DEMO-5EUR');
      const locked = await call(engine.url, '/lock-voucher', {
        method: 'PUT',
        form: { voucher_key: key, retailer_basket_code: nextBasket('S001') },
        ...as('terminal'),
      });
      expect(locked.status, errorText(locked)).toBe(200);

      const listed = await call(engine.url, '/get-vouchers', {
        query: { chain_id: 1, locked: 'true', store_code: 'S001' },
        ...as(caller),
      });
      const freed = await call(engine.url, '/unlock-voucher', {
        method: 'PUT',
        form: { voucher_key: key, reason: 'authorization matrix' },
        ...as(caller),
      });
      if (ok) {
        expect(listed.status, errorText(listed)).toBe(200);
        expect(JSON.stringify(listed.body)).toContain(key);
        expect(freed.status, errorText(freed)).toBe(200);
      } else {
        expect(refusedForReach(listed), `${listed.status} ${errorText(listed)}`).toBe(true);
        expect(refusedForReach(freed), `${freed.status} ${errorText(freed)}`).toBe(true);
        const stillHeld = await call(engine.url, '/unlock-voucher', {
          method: 'PUT',
          form: { voucher_key: key, reason: 'cleaning up' },
          ...as('manager'),
        });
        expect(stillHeld.status).toBe(200);
      }
    });

    it('a store’s manager lists only its own store’s locks when it names none', async () => {
      const key = await keyOf('DEMO-10PCT');
      await call(engine.url, '/lock-voucher', {
        method: 'PUT',
        form: { voucher_key: key, retailer_basket_code: nextBasket('S001') },
        ...as('terminal'),
      });
      const own = await call(engine.url, '/get-vouchers', {
        query: { chain_id: 1, locked: 'true' },
        ...as('manager'),
      });
      const other = await call(engine.url, '/get-vouchers', {
        query: { chain_id: 1, locked: 'true' },
        ...as('manager-s002'),
      });
      expect(JSON.stringify(own.body)).toContain(key);
      expect(other.status).toBe(200);
      expect(JSON.stringify(other.body)).not.toContain(key);
    });
  });
});
