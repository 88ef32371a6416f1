import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

/* get-vouchers' narrowing filters and get-user-vouchers' filter, on the demo chain at a fixed clock. */

const NOW = Date.parse('2026-06-15T12:00:00Z');
const HOUR = 3_600_000;
const HONOUR_CODES = Array.from(
  { length: 10 },
  (_, n) => `HONOUR-COFFEE-${String(n + 1).padStart(4, '0')}`,
);

describeEachDatabase('voucher list filters', (database) => {
  let engine: TestEngine;
  let till: Session;
  let manager: Session;
  let admin: Session;

  beforeEach(async () => {
    engine = await startTestEngine(database, { demo: true, now: () => NOW });
    ({ till, manager, admin } = await loginDemoAccounts(engine.url));
  });
  afterEach(async () => engine.close());

  const getVouchers = (query: CallOptions['query'] = {}) =>
    call(engine.url, '/get-vouchers', { session: manager, query: { chain_id: 1, ...query } });

  function results(answer: Answer): Record<string, unknown> {
    expect(answer.status).toBe(200);
    return isRecord(answer.body.results) ? answer.body.results : {};
  }
  const codesOf = (list: unknown): string[] =>
    (Array.isArray(list) ? list : [])
      .map((voucher: unknown) => (isRecord(voucher) ? voucher.voucher_code : null))
      .map((code) => (typeof code === 'string' ? code : '(none)'))
      .sort();
  /** The codes get-vouchers lists, after checking that the total agrees with them. */
  async function listed(query: CallOptions['query']): Promise<string[]> {
    const answer = results(await getVouchers(query));
    const codes = codesOf(answer.vouchers);
    expect(answer.results_count_total).toBe(codes.length);
    return codes;
  }
  const voucherRow = (code: string) =>
    engine.db.kysely
      .selectFrom('vouchers')
      .select(['id', 'voucher_key', 'campaign_id'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
  const redeem = async (code: string, amount?: number) => {
    const answer = await call(engine.url, '/auth/redeem-voucher', {
      form: {
        voucher_key: (await voucherRow(code)).voucher_key,
        ...(amount === undefined ? {} : { amount }),
      },
      session: admin,
    });
    return results(answer);
  };

  describe('get-vouchers', () => {
    it('voucher_id names exactly that voucher, or none', async () => {
      const fiver = await voucherRow('DEMO-5EUR');
      expect(await listed({ voucher_id: fiver.id })).toEqual(['DEMO-5EUR']);
      // the expired one is there only with show_expired, as without the filter
      const expired = await voucherRow('DEMO-EXPIRED');
      expect(await listed({ voucher_id: expired.id })).toEqual([]);
      expect(await listed({ voucher_id: expired.id, show_expired: 1 })).toEqual(['DEMO-EXPIRED']);
      expect(await listed({ voucher_id: 999_999 })).toEqual([]);
    });

    it('campaign_id narrows to one campaign, and paging keeps the filtered total', async () => {
      const coffee = (await voucherRow('HONOUR-COFFEE-0001')).campaign_id;
      expect(await listed({ campaign_id: coffee })).toEqual(HONOUR_CODES);
      const page = results(await getVouchers({ campaign_id: coffee, number_results: 3 }));
      expect(page.results_count_total).toBe(10);
      expect(codesOf(page.vouchers)).toHaveLength(3);
      const last = results(
        await getVouchers({ campaign_id: coffee, number_results: 4, results_offset: 8 }),
      );
      expect(last.results_count_total).toBe(10);
      expect(codesOf(last.vouchers)).toHaveLength(2);
    });

    it('names the member by username or identity id as well as by number', async () => {
      const anna = ['DEMO-10PCT', 'DEMO-5EUR'];
      expect(await listed({ username: 'anna.devries@example.com' })).toEqual(anna);
      expect(await listed({ authentication_point_identifier: 'idp-anna-0001' })).toEqual(anna);
      expect(
        await listed({ member_number: '1000002', username: 'bram.jansen@example.com' }),
      ).toEqual(['DEMO-UNCLAIMED']);
    });

    it('bounds the creation time, absolutely or relative to now, inclusive', async () => {
      // DEMO-5EUR was made 2 days ago, DEMO-10PCT 1 day ago, the rest now
      const recent = ['DEMO-10PCT', 'DEMO-UNCLAIMED', ...HONOUR_CODES].sort();
      expect(await listed({ min_created_datetime_relative: '-36 hours' })).toEqual(recent);
      expect(await listed({ min_created_datetime_relative: '-1 day' })).toEqual(recent);
      expect(
        await listed({ max_created_datetime: new Date(NOW - 36 * HOUR).toISOString() }),
      ).toEqual(['DEMO-5EUR']);
      expect(await listed({ max_created_datetime: '2026-06-13 12:00:00' })).toEqual(['DEMO-5EUR']);
      expect(await listed({ min_created_datetime: '2026-06-16' })).toEqual([]);
    });

    it('bounds the expiry time; a voucher that never expires is outside every expiry bound', async () => {
      // the €5.00 campaign's vouchers last 90 days, the 10 % one's too, coffee 365 days
      expect(await listed({ max_expiry_datetime_relative: '+89 days' })).toEqual([
        'DEMO-10PCT',
        'DEMO-5EUR',
      ]);
      // a + sent unencoded arrives as a space: no sign means later
      const unsigned = await call(
        engine.url,
        '/get-vouchers?chain_id=1&max_expiry_datetime_relative=+88+days',
        {
          session: manager,
        },
      );
      expect(codesOf(results(unsigned).vouchers)).toEqual(['DEMO-5EUR']);
      expect(await listed({ min_expiry_datetime_relative: '+1 year' })).toEqual(HONOUR_CODES);
      expect(await listed({ min_expiry_datetime_relative: '+366 days' })).toEqual([]);
      expect(await listed({ min_expiry_datetime_relative: '+364 days' })).toEqual(HONOUR_CODES);
      await engine.db.kysely
        .updateTable('vouchers')
        .set({ expires_at: null })
        .where('code', '=', 'HONOUR-COFFEE-0001')
        .execute();
      expect(await listed({ min_expiry_datetime_relative: '+364 days' })).toEqual(
        HONOUR_CODES.slice(1),
      );
    });

    it('bounds the redemption time of redeemed vouchers', async () => {
      await redeem('HONOUR-COFFEE-0010');
      expect(await listed({ show_redeemed: 1, min_redeemed_datetime_relative: '-1 hour' })).toEqual(
        ['HONOUR-COFFEE-0010'],
      );
      expect(await listed({ show_redeemed: 1, max_redeemed_datetime_relative: '-1 hour' })).toEqual(
        [],
      );
      // unredeemed vouchers have no redemption time to bound
      expect(
        await listed({ show_all_statuses: 1, max_redeemed_datetime_relative: '+1 hour' }),
      ).toEqual(['HONOUR-COFFEE-0010']);
    });

    it('exclude_regenerated drops the remainder a partial redemption left', async () => {
      const answer = await redeem('DEMO-5EUR', 2);
      const remainder = isRecord(answer.regenerated_voucher)
        ? answer.regenerated_voucher.voucher_key
        : undefined;
      expect(typeof remainder).toBe('string');
      const fiver = (await voucherRow('DEMO-5EUR')).campaign_id;
      const keysOf = async (query: CallOptions['query']) => {
        const list = results(await getVouchers({ campaign_id: fiver, ...query })).vouchers;
        return (Array.isArray(list) ? list : []).map((voucher: unknown) =>
          isRecord(voucher) ? voucher.voucher_key : null,
        );
      };
      expect(await keysOf({ show_all_statuses: 1 })).toContain(remainder);
      const kept = await keysOf({ show_all_statuses: 1, exclude_regenerated: 1 });
      expect(kept).not.toContain(remainder);
      expect(kept).toContain((await voucherRow('DEMO-5EUR')).voucher_key);
    });

    it('ANDs every filter given', async () => {
      const fiver = (await voucherRow('DEMO-5EUR')).campaign_id;
      const query = { campaign_id: fiver, min_created_datetime_relative: '-3 days' };
      expect(await listed(query)).toEqual(['DEMO-5EUR', 'DEMO-UNCLAIMED']);
      expect(await listed({ ...query, member_number: '1000002' })).toEqual(['DEMO-UNCLAIMED']);
      expect(await listed({ ...query, max_created_datetime_relative: '-1 day' })).toEqual([
        'DEMO-5EUR',
      ]);
      expect(await listed({ ...query, voucher_id: (await voucherRow('DEMO-10PCT')).id })).toEqual(
        [],
      );
    });

    it.each([
      [{ min_created_datetime: 'yesterday' }, 400, /min_created_datetime: must be an ISO 8601/],
      [{ max_expiry_datetime: '2027-02-29' }, 400, /max_expiry_datetime: must be an ISO 8601/],
      [
        { min_redeemed_datetime_relative: '-13 fortnights' },
        400,
        /min_redeemed_datetime_relative: must be a time relative to now/,
      ],
      [
        { min_created_datetime: '2026-01-01', min_created_datetime_relative: '-1 day' },
        400,
        /min_created_datetime_relative: send either min_created_datetime or/,
      ],
      [{ exclude_regenerated: 'maybe' }, 400, /exclude_regenerated/],
      [{ campaign_id: 'coffee' }, 400, /campaign_id/],
      [{ username: 'nobody@example.com' }, 404, /no member with username nobody@example.com/],
    ])('refuses %o, naming what is wrong', async (query, status, description) => {
      const answer = await getVouchers(query);
      expect(answer.status).toBe(status);
      expect(JSON.stringify(answer.body.error)).toMatch(description);
    });
  });

  describe('get-user-vouchers', () => {
    const userVouchers = (query: CallOptions['query']) =>
      call(engine.url, '/get-user-vouchers', { session: till, query });
    const held = async (query: CallOptions['query']) => {
      const answer = results(await userVouchers(query));
      return [...codesOf(answer.basket_vouchers), ...codesOf(answer.honour_vouchers)].sort();
    };

    it('lists what the member still holds, and with filter=all the used and expired too', async () => {
      const bram = { member_number: '1000002' };
      expect(await held(bram)).toEqual(['DEMO-UNCLAIMED']);
      expect(await held({ ...bram, filter: 'all' })).toEqual(['DEMO-EXPIRED', 'DEMO-UNCLAIMED']);
      const anna = { authentication_point_identifier: 'idp-anna-0001' };
      await redeem('DEMO-5EUR');
      expect(await held(anna)).toEqual(['DEMO-10PCT']);
      expect(await held({ ...anna, filter: 'all' })).toEqual(['DEMO-10PCT', 'DEMO-5EUR']);
    });

    it('leaves deleted vouchers out even with filter=all', async () => {
      const deleted = await call(engine.url, '/delete-voucher', {
        method: 'DELETE',
        form: { voucher_key: (await voucherRow('DEMO-10PCT')).voucher_key },
        session: manager,
      });
      expect(deleted.status).toBe(200);
      expect(await held({ username: 'anna.devries@example.com', filter: 'all' })).toEqual([
        'DEMO-5EUR',
      ]);
    });

    it('refuses another filter, naming the one it knows, and changes nothing', async () => {
      const before = await snapshot(engine.db.kysely);
      const answer = await userVouchers({ member_number: '1000001', filter: 'redeemed' });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { name: 'invalid_parameters' } });
      expect(JSON.stringify(answer.body.error)).toMatch(/filter: must be all/);
      expect(await snapshot(engine.db.kysely)).toEqual(before);
    });
  });
});
