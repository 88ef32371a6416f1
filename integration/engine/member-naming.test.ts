import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  call,
  isRecord,
  type Answer,
  type Session,
  loginDemoAccounts,
} from '../../test-support/engine/client';
import { appliedKeys, basketRequest, item, warningNames } from '../../test-support/engine/baskets';
import { issueDemoVoucher } from '../../test-support/engine/demo-vouchers';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';
import { snapshot } from '../../test-support/engine/snapshot';

/* Naming a member by username or identity id, and the owner check of the voucher calls. */

const ANNA = {
  username: 'anna.devries@example.com',
  authentication_point_identifier: 'idp-anna-0001',
};
const BRAM = {
  username: 'bram.jansen@example.com',
  authentication_point_identifier: 'idp-bram-0002',
};

describeEachDatabase('naming a member', (database) => {
  let engine: TestEngine;
  let till: Session;
  let manager: Session;
  let admin: Session;

  beforeEach(async () => {
    engine = await startTestEngine(database, { demo: true });
    ({ till, manager, admin } = await loginDemoAccounts(engine.url));
  });
  afterEach(async () => engine.close());

  function results(answer: Answer): Record<string, unknown> {
    expect(answer.status).toBe(200);
    return isRecord(answer.body.results) ? answer.body.results : {};
  }
  function expectError(answer: Answer, status: number, name: string, description: RegExp) {
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ error: { name } });
    expect(JSON.stringify(answer.body.error)).toMatch(description);
  }
  const keyOf = async (code: string) =>
    (
      await engine.db.kysely
        .selectFrom('vouchers')
        .select('voucher_key')
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).voucher_key;
  const ownerOf = async (key: string) =>
    await engine.db.kysely
      .selectFrom('vouchers')
      .leftJoin('members', 'members.id', 'vouchers.member_id')
      .select(['members.member_number', 'vouchers.claimed_at'])
      .where('voucher_key', '=', key)
      .executeTakeFirstOrThrow();

  describe('the read calls', () => {
    it('get-card and get-user-vouchers find the member by username or identity id', async () => {
      const queries: Record<string, string>[] = [
        { username: ANNA.username },
        { authentication_point_identifier: ANNA.authentication_point_identifier },
        { member_number: '1000001', ...ANNA },
      ];
      for (const query of queries) {
        const card = results(await call(engine.url, '/get-card', { session: till, query }));
        expect(card).toMatchObject({ user_info: { member_number: '1000001' } });
        const held = results(
          await call(engine.url, '/get-user-vouchers', { session: till, query }),
        );
        expect(held.basket_vouchers).toHaveLength(2);
      }
    });

    it('refuses names that do not agree, or that no member has', async () => {
      expectError(
        await call(engine.url, '/get-card', {
          session: till,
          query: { member_number: '1000001', username: BRAM.username },
        }),
        404,
        'member_not_found',
        /no member with member_number 1000001 and username bram.jansen@example.com/,
      );
      expectError(
        await call(engine.url, '/get-user-vouchers', {
          session: till,
          query: { authentication_point_identifier: 'idp-nobody' },
        }),
        404,
        'member_not_found',
        /authentication_point_identifier idp-nobody/,
      );
      expectError(
        await call(engine.url, '/get-card', { session: till, query: { username: ' ' } }),
        400,
        'invalid_parameters',
        /username/,
      );
    });
  });

  describe('create-voucher', () => {
    it('issues the voucher to the member named by identity id', async () => {
      const campaign = await engine.db.kysely
        .selectFrom('vouchers')
        .select('campaign_id')
        .where('code', '=', 'DEMO-5EUR')
        .executeTakeFirstOrThrow();
      const answer = results(
        await call(engine.url, '/create-voucher', {
          form: {
            campaign_id: campaign.campaign_id,
            authentication_point_identifier: BRAM.authentication_point_identifier,
          },
          session: admin,
        }),
      );
      expect(answer).toMatchObject({ result_type: 'create-voucher', member_number: '1000002' });
    });
  });

  describe('claim-voucher checks the owner named', () => {
    it('claims a member’s own voucher named by username', async () => {
      const key = await keyOf('DEMO-UNCLAIMED');
      const answer = results(
        await call(engine.url, '/claim-voucher', {
          form: { voucher_key: key, username: BRAM.username },
          session: till,
        }),
      );
      expect(answer).toMatchObject({ voucher_status: 'claimed', member_number: '1000002' });
    });

    it('refuses someone else’s voucher, nothing changes', async () => {
      const before = await snapshot(engine.db.kysely);
      const answer = await call(engine.url, '/claim-voucher', {
        form: { voucher_key: await keyOf('DEMO-UNCLAIMED'), username: ANNA.username },
        session: till,
      });
      expectError(answer, 404, 'voucher_not_found', /does not belong to the member named/);
      expect(await snapshot(engine.db.kysely)).toEqual(before);
    });

    it('gives an unowned voucher to the member named, who alone holds it then', async () => {
      const key = await issueDemoVoucher(engine.db.kysely, 'BEARER-1');
      const answer = results(
        await call(engine.url, '/claim-voucher', {
          form: {
            voucher_key: key,
            authentication_point_identifier: ANNA.authentication_point_identifier,
          },
          session: till,
        }),
      );
      expect(answer).toMatchObject({ voucher_status: 'claimed', member_number: '1000001' });
      expect(await ownerOf(key)).toMatchObject({ member_number: '1000001' });
      const mine = results(
        await call(engine.url, '/get-user-vouchers', {
          session: till,
          query: { username: ANNA.username },
        }),
      );
      expect(JSON.stringify(mine.basket_vouchers)).toContain('BEARER-1');
      const other = await call(engine.url, '/claim-voucher', {
        form: { voucher_key: key, username: BRAM.username },
        session: till,
      });
      expectError(other, 404, 'voucher_not_found', /does not belong/);
      expect(await ownerOf(key)).toMatchObject({ member_number: '1000001' });
    });

    it('refuses an unknown member before touching the voucher', async () => {
      const key = await issueDemoVoucher(engine.db.kysely, 'BEARER-2');
      const before = await snapshot(engine.db.kysely);
      const answer = await call(engine.url, '/claim-voucher', {
        form: { voucher_key: key, username: 'nobody@example.com' },
        session: till,
      });
      expectError(answer, 404, 'member_not_found', /nobody@example.com/);
      expect(await snapshot(engine.db.kysely)).toEqual(before);
    });
  });

  describe('the other owned-voucher calls check the owner named the same way', () => {
    const calls: [string, string, string, () => Session][] = [
      ['unclaim-voucher', 'POST', '/unclaim-voucher', () => till],
      ['expire-voucher', 'POST', '/expire-voucher', () => manager],
      ['delete-voucher', 'DELETE', '/delete-voucher', () => manager],
      ['redeem-voucher', 'POST', '/auth/redeem-voucher', () => admin],
    ];

    it.each(calls)(
      '%s refuses another member’s voucher, nothing changes',
      async (_, method, path, session) => {
        const before = await snapshot(engine.db.kysely);
        const answer = await call(engine.url, path, {
          method,
          form: { voucher_key: await keyOf('DEMO-5EUR'), username: BRAM.username },
          session: session(),
        });
        expectError(answer, 404, 'voucher_not_found', /does not belong to the member named/);
        expect(await snapshot(engine.db.kysely)).toEqual(before);
      },
    );

    it.each(calls)(
      '%s refuses an unowned voucher named with a member',
      async (_, method, path, session) => {
        const key = await issueDemoVoucher(engine.db.kysely, 'BEARER-3');
        const before = await snapshot(engine.db.kysely);
        const answer = await call(engine.url, path, {
          method,
          form: {
            voucher_key: key,
            authentication_point_identifier: ANNA.authentication_point_identifier,
          },
          session: session(),
        });
        expectError(answer, 404, 'voucher_not_found', /does not belong/);
        expect(await snapshot(engine.db.kysely)).toEqual(before);
      },
    );

    it.each(calls)(
      '%s does it for the owner named by identity id',
      async (_, method, path, session) => {
        const answer = await call(engine.url, path, {
          method,
          form: {
            voucher_key: await keyOf('DEMO-5EUR'),
            authentication_point_identifier: ANNA.authentication_point_identifier,
          },
          session: session(),
        });
        expect(answer.status).toBe(200);
      },
    );
  });

  describe('the basket calls', () => {
    /** A basket whose customer is the `user` given, in place of the helper's card number. */
    const basketFor = (basketCode: string, user: Record<string, unknown>) => ({
      ...basketRequest(basketCode, [item('line_1', 50)], { member: null }),
      user,
    });
    const storedMember = async (basketCode: string) =>
      (
        await engine.db.kysely
          .selectFrom('baskets')
          .leftJoin('members', 'members.id', 'baskets.member_id')
          .select('members.member_number')
          .where('retailer_basket_code', '=', basketCode)
          .executeTakeFirstOrThrow()
      ).member_number;

    it('get-basket-price applies the vouchers of the member named by username', async () => {
      const priced = results(
        await call(engine.url, '/auth/get-basket-price', {
          session: till,
          json: basketFor('S001-01-NAME-1', { username: ANNA.username }),
        }),
      );
      expect(appliedKeys({ results: priced }).sort()).toEqual(
        [await keyOf('DEMO-10PCT'), await keyOf('DEMO-5EUR')].sort(),
      );
      const bram = results(
        await call(engine.url, '/auth/get-basket-price', {
          session: till,
          json: basketFor('S001-01-NAME-2', {
            authentication_point_identifier: BRAM.authentication_point_identifier,
          }),
        }),
      );
      expect(appliedKeys({ results: bram })).toEqual([]);
    });

    it('add-basket stores the basket for the member named by username or identity id', async () => {
      const users = [
        { username: ANNA.username },
        { member_programme: 'spaaza', ...BRAM },
        { user_id: '1', username: ANNA.username },
      ];
      const expected = ['1000001', '1000002', '1000001'];
      for (const [index, user] of users.entries()) {
        const basketCode = `S001-01-NAME-ADD-${String(index)}`;
        const answer = await call(engine.url, '/auth/add-basket', {
          session: till,
          json: basketFor(basketCode, user),
        });
        expect(warningNames(answer.body)).toEqual([]);
        expect(await storedMember(basketCode)).toBe(expected[index]);
      }
    });

    it('names that match no member, or not the same one, leave the basket anonymous with a warning', async () => {
      const users = [
        { username: 'nobody@example.com' },
        {
          username: ANNA.username,
          authentication_point_identifier: BRAM.authentication_point_identifier,
        },
      ];
      for (const [index, user] of users.entries()) {
        const basketCode = `S001-01-NAME-ANON-${String(index)}`;
        const answer = await call(engine.url, '/auth/add-basket', {
          session: till,
          json: basketFor(basketCode, user),
        });
        expect(answer.status).toBe(200);
        expect(warningNames(answer.body)).toEqual(['member_not_found']);
        expect(JSON.stringify(answer.body.warnings)).toContain(user.username);
        expect(await storedMember(basketCode)).toBeNull();
      }
    });

    it('another programme’s card is not looked up, however the customer is named', async () => {
      const answer = await call(engine.url, '/auth/get-basket-price', {
        session: till,
        json: basketFor('S001-01-NAME-3', { member_programme: 'other', username: ANNA.username }),
      });
      expect(warningNames(answer.body)).toEqual(['member_programme_not_supported']);
      expect(appliedKeys(answer.body)).toEqual([]);
    });

    it('refuses a user naming no one, a user_id that is not a number and a list for a username, naming the field', async () => {
      const before = await snapshot(engine.db.kysely);
      for (const [user, field] of [
        [{ member_programme: 'spaaza' }, /member_number/],
        [{ user_id: 'anna' }, /user_id/],
        [{ username: ['a', 'b'] }, /username/],
      ] as const) {
        expectError(
          await call(engine.url, '/auth/add-basket', {
            session: till,
            json: basketFor('S001-01-NAME-BAD', user),
          }),
          400,
          'invalid_parameters',
          field,
        );
      }
      expect(await snapshot(engine.db.kysely)).toEqual(before);
    });
  });

  describe('members through the admin API', () => {
    const createMember = (fields: Record<string, string>) =>
      call(engine.url, '/admin/members', { json: fields, session: admin });

    it('creates a member with a username and identity id, who can be named by them', async () => {
      const answer = results(
        await createMember({
          member_number: '1000003',
          username: 'cas@example.com',
          authentication_point_identifier: 'idp-cas',
        }),
      );
      expect(answer).toMatchObject({
        result_type: 'create-member',
        username: 'cas@example.com',
        authentication_point_identifier: 'idp-cas',
      });
      const card = results(
        await call(engine.url, '/get-card', {
          session: till,
          query: { username: 'cas@example.com' },
        }),
      );
      expect(card).toMatchObject({ user_info: { member_number: '1000003' } });
    });

    it.each([
      [{ member_number: '1000003', username: ANNA.username }],
      [
        {
          member_number: '1000003',
          authentication_point_identifier: BRAM.authentication_point_identifier,
        },
      ],
    ])('refuses %o: that name is taken, nothing written', async (fields) => {
      const before = await snapshot(engine.db.kysely);
      expectError(await createMember(fields), 409, 'already_exists', /exists/);
      expect(await snapshot(engine.db.kysely)).toEqual(before);
    });
  });
});
