import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  isRecord,
  type Answer,
  type CallOptions,
  type Session,
  loginDemoAccounts,
} from '../../test-support/engine/client';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';
import { snapshot } from '../../test-support/engine/snapshot';

/** The demo chain's present vouchers: 2 of member 1000001, 2 of 1000002 (one expired), 10 honour. */
const DEMO_UNUSED_UNEXPIRED = 13;

describeEachDatabase('voucher lists', (database) => {
  let engine: TestEngine;
  let till: Session;
  let manager: Session;
  let admin: Session;

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
    ({ till, manager, admin } = await loginDemoAccounts(engine.url));
  });
  afterAll(async () => engine.close());

  const get = (
    path: string,
    session: Session | undefined,
    query: CallOptions['query'],
    headers = {},
  ) =>
    call(engine.url, path, {
      ...(session ? { session } : {}),
      ...(query ? { query } : {}),
      headers,
    });
  const getVouchers = (query: CallOptions['query'] = {}, session = manager) =>
    get('/get-vouchers', session, { chain_id: 1, ...query });

  function results(answer: Answer): Record<string, unknown> {
    expect(answer.status).toBe(200);
    return isRecord(answer.body.results) ? answer.body.results : {};
  }
  function codesIn(list: unknown): (string | null)[] {
    return Array.isArray(list)
      ? list.map((voucher: unknown) =>
          isRecord(voucher) && typeof voucher.voucher_code === 'string'
            ? voucher.voucher_code
            : null,
        )
      : [];
  }
  const keyOf = async (voucherCode: string) =>
    (
      await engine.db.kysely
        .selectFrom('vouchers')
        .select('voucher_key')
        .where('code', '=', voucherCode)
        .executeTakeFirstOrThrow()
    ).voucher_key;
  const memberId = async (memberNumber: string) =>
    (
      await engine.db.kysely
        .selectFrom('members')
        .select('id')
        .where('member_number', '=', memberNumber)
        .executeTakeFirstOrThrow()
    ).id;

  describe('get-vouchers', () => {
    it('lists the chain’s unused, unexpired vouchers with their owner', async () => {
      const answer = results(await getVouchers());
      expect(answer).toMatchObject({
        result_type: 'get-vouchers',
        results_count_total: DEMO_UNUSED_UNEXPIRED,
      });
      const codes = codesIn(answer.vouchers);
      expect(codes).toHaveLength(DEMO_UNUSED_UNEXPIRED);
      expect(codes).toEqual(
        expect.arrayContaining(['DEMO-5EUR', 'DEMO-10PCT', 'DEMO-UNCLAIMED', 'HONOUR-COFFEE-0001']),
      );
      expect(codes).not.toContain('DEMO-EXPIRED');
      expect(answer.vouchers).toContainEqual(
        expect.objectContaining({
          voucher_code: 'DEMO-5EUR',
          type: 'basket',
          voucher_type: 'basket',
          campaign_title: '€5.00 off your next purchase',
          user: { user_id: await memberId('1000001'), member_number: '1000001' },
        }),
      );
    });

    it('adds expired ones on request, filters by member and pages', async () => {
      expect(results(await getVouchers({ show_expired: 'true' }))).toMatchObject({
        results_count_total: DEMO_UNUSED_UNEXPIRED + 1,
      });
      const member = results(await getVouchers({ member_number: '1000002', show_expired: 1 }));
      expect(codesIn(member.vouchers).sort()).toEqual(['DEMO-EXPIRED', 'DEMO-UNCLAIMED']);
      const page = results(await getVouchers({ number_results: 5, results_offset: 10 }));
      expect(page.results_count_total).toBe(DEMO_UNUSED_UNEXPIRED);
      expect(codesIn(page.vouchers)).toHaveLength(DEMO_UNUSED_UNEXPIRED - 10);
    });

    it('lists redeemed vouchers instead, or every status together', async () => {
      const redeemed = await call(engine.url, '/auth/redeem-voucher', {
        form: { voucher_key: await keyOf('HONOUR-COFFEE-0010') },
        session: admin,
      });
      expect(redeemed.status).toBe(200);
      expect(codesIn(results(await getVouchers({ show_redeemed: 1 })).vouchers)).toEqual([
        'HONOUR-COFFEE-0010',
      ]);
      expect(results(await getVouchers({ show_all_statuses: 1 })).results_count_total).toBe(
        DEMO_UNUSED_UNEXPIRED,
      );
      expect(results(await getVouchers()).results_count_total).toBe(DEMO_UNUSED_UNEXPIRED - 1);
    });

    it('lists the vouchers locked now, and only one store’s with store_code', async () => {
      const lock = async (voucherCode: string, basket: string, session: Session) =>
        call(engine.url, '/lock-voucher', {
          method: 'PUT',
          form: { voucher_key: await keyOf(voucherCode), retailer_basket_code: basket },
          session,
        });
      // the store's terminal locks for its store; an admin, who belongs to none, for no store
      expect((await lock('DEMO-5EUR', 'S001-01-20261123-0001', till)).status).toBe(200);
      expect((await lock('DEMO-10PCT', 'HQ-20261123-0001', admin)).status).toBe(200);
      expect(codesIn(results(await getVouchers({ locked: 'true' }, admin)).vouchers)).toEqual([
        'DEMO-5EUR',
        'DEMO-10PCT',
      ]);
      // the store's manager sees its own store's locks only
      expect(codesIn(results(await getVouchers({ locked: 'true' })).vouchers)).toEqual([
        'DEMO-5EUR',
      ]);
      const store = results(await getVouchers({ locked: 'true', store_code: 'S001' }, admin));
      expect(store.results_count_total).toBe(1);
      expect(store.vouchers).toMatchObject([
        {
          voucher_code: 'DEMO-5EUR',
          voucher_locked: true,
          voucher_retailer_basket_code_exclusive: 'S001-01-20261123-0001',
        },
      ]);
      expect(codesIn(results(await getVouchers({ locked: 'false' })).vouchers)).not.toContain(
        'DEMO-5EUR',
      );
    });
  });

  describe('get-user-vouchers', () => {
    it('groups a member’s vouchers with flat campaign fields before 1.6.5', async () => {
      const answer = results(await get('/get-user-vouchers', till, { member_number: '1000002' }));
      expect(answer).toMatchObject({
        result_type: 'get-user-vouchers',
        honour_vouchers: [],
        var_price_vouchers: [],
      });
      expect(answer.basket_vouchers).toMatchObject([
        {
          voucher_code: 'DEMO-UNCLAIMED',
          voucher_status: 'generated',
          campaign_title: '€5.00 off your next purchase',
        },
      ]);
    });

    it('nests the campaign from 1.6.5 on, and finds the member by user_id', async () => {
      const answer = results(
        await get(
          '/get-user-vouchers',
          till,
          { user_id: await memberId('1000001'), chain_id: 1 },
          { 'X-Spaaza-API-Version': '1.6.5' },
        ),
      );
      const vouchers = Array.isArray(answer.basket_vouchers) ? answer.basket_vouchers : [];
      expect(codesIn(vouchers).sort()).toEqual(['DEMO-10PCT', 'DEMO-5EUR']);
      for (const voucher of vouchers) {
        expect(voucher).toMatchObject({
          campaign: {
            campaign_id: expect.any(Number) as unknown,
            title: expect.any(String) as unknown,
          },
        });
        expect(voucher).not.toHaveProperty('campaign_id');
        expect(voucher).not.toHaveProperty('campaign_title');
      }
    });
  });

  describe('get-card', () => {
    it('shows the member and their claimed, usable vouchers', async () => {
      const answer = results(await get('/get-card', till, { member_number: '1000001' }));
      expect(answer).toMatchObject({
        result_type: 'get-card',
        user_info: {
          user_id: await memberId('1000001'),
          member_number: '1000001',
          name: 'Anna de Vries',
        },
      });
      expect(codesIn(answer.vouchers).sort()).toEqual(['DEMO-10PCT', 'DEMO-5EUR']);
      const other = results(await get('/get-card', till, { member_number: '1000002' }));
      expect(other.vouchers).toEqual([]);
    });

    it('answers as get-user-entity-card before 1.4.5', async () => {
      const answer = results(
        await get(
          '/get-card',
          till,
          { member_number: '1000001' },
          { 'X-Spaaza-API-Version': '1.4.4' },
        ),
      );
      expect(answer.result_type).toBe('get-user-entity-card');
    });
  });

  describe('refusals', () => {
    const cases: [
      string,
      string,
      () => Session | undefined,
      CallOptions['query'],
      number,
      string,
      RegExp,
    ][] = [
      [
        'no session',
        '/get-vouchers',
        () => undefined,
        { chain_id: 1 },
        401,
        'no_valid_session',
        /log in/,
      ],
      [
        'no session',
        '/get-user-vouchers',
        () => undefined,
        { member_number: '1000001' },
        401,
        'no_valid_session',
        /log in/,
      ],
      [
        'no session',
        '/get-card',
        () => undefined,
        { member_number: '1000001' },
        401,
        'no_valid_session',
        /log in/,
      ],
      [
        'a terminal',
        '/get-vouchers',
        () => till,
        { chain_id: 1 },
        403,
        'permission_denied_or_non_existent',
        /manager role/,
      ],
      [
        'another chain',
        '/get-vouchers',
        () => manager,
        { chain_id: 2 },
        403,
        'permission_denied_or_non_existent',
        /chain 2/,
      ],
      [
        'another chain',
        '/get-card',
        () => till,
        { chain_id: 2, member_number: '1000001' },
        403,
        'permission_denied_or_non_existent',
        /chain 2/,
      ],
      ['no chain_id', '/get-vouchers', () => manager, {}, 400, 'invalid_parameters', /chain_id/],
      [
        'a page size of 0',
        '/get-vouchers',
        () => manager,
        { chain_id: 1, number_results: 0 },
        400,
        'invalid_parameters',
        /number_results/,
      ],
      [
        'a flag that is not one',
        '/get-vouchers',
        () => manager,
        { chain_id: 1, locked: 'perhaps' },
        400,
        'invalid_parameters',
        /locked: .*boolean/,
      ],
      [
        'store_code without locked',
        '/get-vouchers',
        () => manager,
        { chain_id: 1, store_code: 'S001' },
        400,
        'invalid_parameters',
        /store_code: .*locked=true/,
      ],
      [
        'an unknown member',
        '/get-vouchers',
        () => manager,
        { chain_id: 1, member_number: '999' },
        404,
        'member_not_found',
        /999/,
      ],
      [
        'no member named',
        '/get-user-vouchers',
        () => till,
        {},
        400,
        'invalid_parameters',
        /send member_number, user_id, username or authentication_point_identifier/,
      ],
      [
        'a user_id that is not a number',
        '/get-card',
        () => till,
        { user_id: 'anna' },
        400,
        'invalid_parameters',
        /user_id: .*number/,
      ],
      [
        'an unknown member',
        '/get-card',
        () => till,
        { member_number: '999' },
        404,
        'member_not_found',
        /999/,
      ],
    ];

    it.each(cases)(
      '%s on %s → %i %s, nothing changes',
      async (_, path, session, query, status, name, description) => {
        const before = await snapshot(engine.db.kysely);
        const answer = await get(path, session(), query);
        expect(answer.status).toBe(status);
        expect(answer.body).toMatchObject({
          result: { code: 2, status: 'error' },
          error: { name },
        });
        expect(JSON.stringify(answer.body.error)).toMatch(description);
        expect(await snapshot(engine.db.kysely)).toEqual(before);
      },
    );
  });
});
