import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src-engine/db/schema';
import { roleRefusal } from '../../src-engine/domain/actor';
import { DEMO_ACCOUNTS } from '../../src-engine/domain/demo';
import { isRecord, loginAs, type Session } from '../../test-support/engine/client';
import { documentedRoles } from '../../test-support/engine/documented-roles';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';
import { seedExampleState, type ReplayChain } from '../../test-support/engine/spaaza-example-state';
import { resultTypeOf, SPAAZA_EXAMPLES } from '../../test-support/engine/spaaza-examples';
import { sendExample } from '../../test-support/engine/spaaza-replay';

/**
 * Spaaza's public basket and voucher examples, replayed over HTTP as each of the three
 * account roles. Each run seeds its own member, voucher and baskets, so the runs do not depend
 * on one another's order. Every run answers ok, unless the documentation gives the call a role
 * above the account's: then it is the role refusal, and nothing else.
 */
const ROLES = DEMO_ACCOUNTS.map((account) => account.role);

const holds = (account: Role, needed: Role) =>
  roleRefusal({ chainId: 0, role: account, name: account, accountId: null }, needed) === null;

const field = (value: unknown, name: string): unknown =>
  isRecord(value) ? value[name] : undefined;

describeEachDatabase('Spaaza’s public examples, replayed', (database) => {
  const roles = documentedRoles();
  let engine: TestEngine;
  let chain: ReplayChain;
  const sessions = new Map<Role, Session>();
  let runs = 0;

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
    // as Spaaza's clients log in: a form-encoded POST /auth/login
    for (const account of DEMO_ACCOUNTS)
      sessions.set(account.role, await loginAs(engine.url, account.username, account.password));
    const admin = sessions.get('admin');
    if (!engine.demo || !admin) throw new Error('the demo chain did not start');
    chain = {
      url: engine.url,
      db: engine.db.kysely,
      chainId: engine.demo.chainId,
      storeCode: engine.demo.storeCode,
      storer: admin,
    };
  });
  afterAll(async () => engine.close());

  for (const example of SPAAZA_EXAMPLES)
    describe(example.name, () => {
      for (const account of ROLES)
        it(`as the ${account} account`, async () => {
          runs += 1;
          const state = await seedExampleState(chain, example.needs, String(runs).padStart(4, '0'));
          const request = example.request(state);
          const call = `${request.method} ${request.path}`;
          const needed = roles.get(call);
          expect(needed, `docs/spaaza-wire.md gives no role for ${call}`).toBeDefined();
          const session = sessions.get(account);
          if (needed === undefined || session === undefined) return;

          const answer = await sendExample(engine.url, request, session);
          const seen = JSON.stringify(answer.body);
          if (holds(account, needed)) {
            expect(answer.status, seen).toBe(200);
            expect(field(answer.body.result, 'status'), seen).toBe('ok');
            expect(field(answer.body.results, 'result_type'), seen).toBe(resultTypeOf(request));
          } else {
            expect(answer.status, seen).toBe(403);
            expect(field(answer.body.error, 'name'), seen).toBe(
              'permission_denied_or_non_existent',
            );
          }
        });
    });
});
