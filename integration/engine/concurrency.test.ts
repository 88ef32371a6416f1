import { afterAll, beforeAll, expect, it } from 'vitest';
import { basketRequest, item, warningNames } from '../../test-support/engine/baskets';
import { call, isRecord, loginAs, type Session } from '../../test-support/engine/client';
import { issueDemoVoucher } from '../../test-support/engine/demo-vouchers';
import { spawnEngine, type EngineProcess } from '../../test-support/engine/engine-process';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';

const RACERS = 50;
const ROUNDS = 20;

describeEachDatabase('50 tills racing for one voucher', (database) => {
  let seeder: TestEngine;
  /** SQLite: the one engine process. PostgreSQL: two more engine processes on the same database. */
  let servers: { url: string; session: Session }[] = [];
  const processes: EngineProcess[] = [];

  beforeAll(async () => {
    seeder = await startTestEngine(database, { demo: true });
    const urls = [seeder.url];
    if (database.name === 'postgres') {
      urls.length = 0;
      for (let n = 0; n < 2; n += 1) {
        processes.push(
          await spawnEngine({
            ENGINE_DATABASE_URL: process.env.TEST_DATABASE_URL ?? '',
            ENGINE_DATABASE_SCHEMA: seeder.db.schema ?? '',
          }),
        );
      }
      urls.push(...processes.map((p) => p.url));
    }
    servers = await Promise.all(
      urls.map(async (url, n) => ({
        url,
        session: await loginAs(
          url,
          n === 0 ? 'till-s001-01' : 'manager-s001',
          n === 0 ? 'demo-till' : 'demo-manager',
        ),
      })),
    );
  }, 120_000);
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await seeder.close();
  });

  it(`gives exactly one redemption and ${RACERS - 1} warnings, ${ROUNDS} rounds in a row`, async () => {
    for (let round = 1; round <= ROUNDS; round += 1) {
      const voucherCode = `RACE-${round}`;
      await issueDemoVoucher(seeder.db.kysely, voucherCode);
      const answers = await Promise.all(
        Array.from({ length: RACERS }, (_, n) => {
          const server = servers[n % servers.length];
          if (!server) throw new Error('no server');
          return call(server.url, '/auth/add-basket', {
            json: basketRequest(`RACE-${round}-${n}`, [item('a', 10)], {
              member: null,
              vouchers: [{ voucher_code: voucherCode }],
            }),
            session: server.session,
          });
        }),
      );
      expect(answers.map((a) => a.status)).toEqual(Array.from({ length: RACERS }, () => 200));
      const redeemed = answers.filter(
        (a) =>
          isRecord(a.body.results) &&
          Array.isArray(a.body.results.vouchers_redeemed) &&
          a.body.results.vouchers_redeemed.length === 1,
      );
      // every till charged the shelf price, so the winner's charge differs from its pricing too:
      // count the voucher warnings
      const warned = answers.filter(
        (a) => warningNames(a.body).filter((name) => name.startsWith('voucher_')).length === 1,
      );
      expect({ round, redeemed: redeemed.length, warned: warned.length }).toEqual({
        round,
        redeemed: 1,
        warned: RACERS - 1,
      });
      const burns = await seeder.db.kysely
        .selectFrom('audit_log')
        .innerJoin('vouchers', 'vouchers.id', 'audit_log.voucher_id')
        .select('audit_log.id')
        .where('vouchers.code', '=', voucherCode)
        .where('action', '=', 'redeem')
        .execute();
      expect(burns).toHaveLength(1);
      const stored = await seeder.db.kysely
        .selectFrom('baskets')
        .select('id')
        .where('retailer_basket_code', 'like', `RACE-${round}-%`)
        .execute();
      expect(stored).toHaveLength(RACERS);
    }
  });
});
