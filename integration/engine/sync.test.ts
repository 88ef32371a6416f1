import { afterAll, beforeAll, expect, it } from 'vitest';
import { honourSyncResultsSchema, type HonourSyncResults } from '../../src-shared/wire';
import { expectOk } from '../../src-engine/domain/refusal';
import { createCampaign, createChain, createVoucher } from '../../src-engine/domain/admin';
import type { Actor } from '../../src-engine/domain/actor';
import { touchHonourRev } from '../../src-engine/repo/vouchers';
import { basketRequest, item } from '../../test-support/engine/baskets';
import { call, loginAs, type Session } from '../../test-support/engine/client';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';

const DAY = 86_400_000;

describeEachDatabase('the honour-voucher change feed', (database) => {
  let engine: TestEngine;
  let till: Session;
  /** Where the previous test left the feed: each test reads the changes it made. */
  let cursor = 0;

  const feed = async (
    query: Record<string, number>,
    session: Session = till,
  ): Promise<HonourSyncResults> => {
    const answer = await call(engine.url, '/sync/honour-vouchers', { query, session });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      result: { code: 1, status: 'ok' },
      results: { result_type: 'sync-honour-vouchers' },
    });
    return honourSyncResultsSchema.parse(answer.body.results);
  };
  const codes = (results: HonourSyncResults) =>
    results.changes.map((change) => change.voucher.voucher_code);

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
    till = await loginAs(engine.url, 'till-s001-01', 'demo-till');
  });
  afterAll(async () => engine.close());

  it('from cursor 0 lists the ten demo honour vouchers in rev order, none removed', async () => {
    const first = await feed({ cursor: 0 });
    expect(codes(first)).toEqual(engine.demo?.honourCodes);
    const revs = first.changes.map((change) => change.rev);
    expect(revs).toEqual([...revs].sort((a, b) => a - b));
    expect(new Set(revs).size).toBe(10);
    expect(first.changes.every((change) => !change.removed)).toBe(true);
    expect(first.changes[0]?.voucher).toMatchObject({
      voucher_type: 'honour',
      voucher_honour_code: 'FREE-COFFEE',
      voucher_status: 'claimed',
      member_number: null,
    });
    expect(first.next_cursor).toBe(revs.at(-1));
    expect(first.has_more).toBe(false);
    cursor = first.next_cursor;
  });

  it('pages with a small limit, saying has_more, and resumes exactly where it stopped', async () => {
    const pages: HonourSyncResults[] = [];
    let next = 0;
    for (;;) {
      const page = await feed({ cursor: next, limit: 3 });
      pages.push(page);
      next = page.next_cursor;
      if (!page.has_more) break;
    }
    expect(pages.map((page) => page.changes.length)).toEqual([3, 3, 3, 1]);
    expect(pages.flatMap(codes)).toEqual(engine.demo?.honourCodes);
    const end = await feed({ cursor: next });
    expect(end).toMatchObject({ changes: [], next_cursor: next, has_more: false });
  });

  it('after an add-basket burns an honour voucher, the feed shows exactly that one, removed', async () => {
    const sale = await call(engine.url, '/auth/add-basket', {
      json: basketRequest('SYNC-0001', [item('coffee', 2.5)], {
        member: null,
        vouchers: [{ voucher_code: 'HONOUR-COFFEE-0001' }],
      }),
      session: till,
    });
    expect(sale.body).toMatchObject({
      results: { vouchers_redeemed: [{ voucher_type: 'honour' }] },
    });

    const changes = await feed({ cursor });
    expect(changes.changes).toHaveLength(1);
    expect(changes.changes[0]).toMatchObject({
      removed: true,
      voucher: { voucher_code: 'HONOUR-COFFEE-0001', voucher_status: 'redeemed' },
    });
    expect(changes.next_cursor).toBeGreaterThan(cursor);
    cursor = changes.next_cursor;
  });

  it('lists deleted and expired honour vouchers as removed, and nothing of other types or chains', async () => {
    const db = engine.db.kysely;
    const deleted = await db
      .updateTable('vouchers')
      .set({ deleted_at: Date.now() })
      .where('code', '=', 'HONOUR-COFFEE-0002')
      .returning(['id', 'chain_id', 'voucher_type'])
      .executeTakeFirstOrThrow();
    await touchHonourRev(db, deleted);

    const chain1: Actor = { chainId: 1, role: 'privileged', name: 'test', accountId: null };
    const coffee = await db
      .selectFrom('campaigns')
      .select('id')
      .where('honour_code', '=', 'FREE-COFFEE')
      .executeTakeFirstOrThrow();
    const fiveEuro = await db
      .selectFrom('campaigns')
      .select('id')
      .where('voucher_type', '=', 'basket')
      .executeTakeFirstOrThrow();
    const issue = (actor: Actor, campaignId: number, code: string, expiresAt?: number) =>
      createVoucher(
        db,
        actor,
        {
          chainId: actor.chainId,
          campaignId,
          memberNumber: null,
          code,
          claimed: true,
          ...(expiresAt === undefined ? {} : { expiresAt }),
        },
        Date.now(),
      ).then(expectOk);
    await issue(chain1, coffee.id, 'HONOUR-EXPIRED', Date.now() - DAY);
    await issue(chain1, fiveEuro.id, 'NOT-HONOUR');

    const otherChain = await createChain(
      db,
      { name: 'Elsewhere', currency: 'EUR', timezone: 'Europe/Berlin' },
      Date.now(),
    );
    const { id: otherCoffee } = expectOk(
      await createCampaign(
        db,
        {
          chainId: otherChain,
          title: 'Their coffee',
          incentive: { type: 'honour', honourCode: 'THEIR-COFFEE' },
        },
        Date.now(),
      ),
    );
    await issue({ ...chain1, chainId: otherChain }, otherCoffee, 'THEIR-COFFEE-0001');
    await issue(chain1, coffee.id, 'HONOUR-FRESH');

    const changes = await feed({ cursor });
    expect(changes.changes.map((change) => [change.voucher.voucher_code, change.removed])).toEqual([
      ['HONOUR-COFFEE-0002', true],
      ['HONOUR-EXPIRED', true],
      ['HONOUR-FRESH', false],
    ]);
    cursor = changes.next_cursor;
  });

  it('serves a manager as it serves a till', async () => {
    const manager = await loginAs(engine.url, 'manager-s001', 'demo-manager');
    expect((await feed({ cursor: 0 }, manager)).changes.length).toBeGreaterThanOrEqual(10);
  });

  it.each([
    [{ cursor: -1 }, /cursor/],
    [{ cursor: 'abc' }, /cursor/],
    [{ limit: 0 }, /limit/],
    [{ limit: 5000 }, /limit/],
  ])('refuses %o with 400 naming the parameter', async (query, description) => {
    const answer = await call(engine.url, '/sync/honour-vouchers', { query, session: till });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { name: 'invalid_parameters' } });
    expect(JSON.stringify(answer.body.error)).toMatch(description);
  });

  it('needs a session', async () => {
    const answer = await call(engine.url, '/sync/honour-vouchers');
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: { name: 'no_valid_session' } });
  });
});
