import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAccount, createChain, createStore } from '../../src-engine/domain/admin';
import { expectOk } from '../../src-engine/domain/refusal';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';
import {
  startTestTill,
  TILL_ONE,
  valueOf,
  type TestTill,
} from '../../test-support/till/till-harness';

const CROISSANT = '8712345000134';

/** Who signs in on the Manager screen of a till of store S001, and whether they may. */
const ACCOUNTS = [
  { username: 'till-s001-01', password: 'demo-till', may: false },
  { username: 'manager-s001', password: 'demo-manager', may: true },
  { username: 'admin', password: 'demo-admin', may: true },
  { username: 'manager-s002', password: 'manager-s002-pw', may: false },
  { username: 'other-manager', password: 'other-manager-pw', may: false },
] as const;

describeEachDatabase('the till’s manager commands by account role and store', (database) => {
  let engine: TestEngine;
  let till: TestTill;

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
    const db = engine.db.kysely;
    const now = Date.now();
    expectOk(await createStore(db, { chainId: 1, code: 'S002', name: 'Second store' }));
    expectOk(
      await createAccount(
        db,
        {
          chainId: 1,
          username: 'manager-s002',
          password: 'manager-s002-pw',
          role: 'manager',
          storeCode: 'S002',
        },
        now,
      ),
    );
    const other = await createChain(
      db,
      { name: 'Other chain', currency: 'EUR', timezone: 'Europe/Amsterdam' },
      now,
    );
    expectOk(await createStore(db, { chainId: other, code: 'S001', name: 'Other S001' }));
    expectOk(
      await createAccount(
        db,
        {
          chainId: other,
          username: 'other-manager',
          password: 'other-manager-pw',
          role: 'manager',
          storeCode: 'S001',
        },
        now,
      ),
    );
    till = await startTestTill(engine.url, TILL_ONE);
  });
  afterAll(async () => {
    await till.close();
    await engine.close();
  });

  it.each(ACCOUNTS)(
    '$username: may use the manager commands: $may',
    async ({ username, password, may }) => {
      const code = engine.demo?.honourCodes[1] ?? '';
      const { saleId } = valueOf(await till.send('sale/start', {}));
      valueOf(await till.send('sale/scan', { saleId, code: CROISSANT }));
      const held = valueOf(await till.send('sale/scan', { saleId, code }));
      const voucherKey = held.applied[0]?.voucherKey ?? '';
      expect(voucherKey).not.toBe('');

      const signIn = await till.send('manager/sign-in', { username, password });
      expect(signIn.ok).toBe(may);
      if (!signIn.ok) expect(signIn.error.code).toBe('forbidden');
      const commands = [
        await till.send('manager/locked-vouchers', {}),
        await till.send('manager/audit-log', {}),
        await till.send('manager/conflicts', {}),
        await till.send('manager/unlock-voucher', { voucherKey, reason: 'role check' }),
      ];
      for (const answer of commands) {
        if (may) expect(answer.ok, JSON.stringify(answer)).toBe(true);
        else expect(answer).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
      }
      const acknowledge = await till.send('manager/acknowledge-conflict', { conflictId: 999_999 });
      expect(acknowledge.ok).toBe(false);
      if (!acknowledge.ok) expect(acknowledge.error.code === 'not_signed_in').toBe(!may);
      valueOf(await till.send('manager/sign-out', {}));
      valueOf(await till.send('sale/void', { saleId: held.saleId }));
    },
  );
});
