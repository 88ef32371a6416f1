import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basketRequest, item } from '../../test-support/engine/baskets';
import {
  call,
  isRecord,
  type Answer,
  type Session,
  loginDemoAccounts,
} from '../../test-support/engine/client';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';

const T0 = Date.parse('2026-11-23T12:00:00Z');
const DAY_SECONDS = 86_400;
/** The engine's own codes: 8 characters without look-alikes. */
const GENERATED_CODE = /^[2-9A-HJKMNP-Z]{8}$/;

describeEachDatabase('create-voucher and child vouchers', (database) => {
  let engine: TestEngine;
  const clock = T0;
  let till: Session;
  let manager: Session;
  let admin: Session;
  let basketCampaign = 0;
  let pctCampaign = 0;
  let honourCampaign = 0;
  let serial = 0;
  const next = (prefix: string) => `${prefix}-${String((serial += 1))}`;

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true, now: () => clock });
    ({ till, manager, admin } = await loginDemoAccounts(engine.url));
    const rows = await engine.db.kysely
      .selectFrom('campaigns')
      .select(['id', 'voucher_type'])
      .where('chain_id', '=', 1)
      .where('code_type', 'is', null)
      .orderBy('id')
      .execute();
    const first = (type: string) => rows.find((row) => row.voucher_type === type)?.id ?? 0;
    basketCampaign = first('basket');
    pctCampaign = first('basket_pct');
    honourCampaign = first('honour');
    for (const number of ['1000003', '1000004', '1000005', '1000006'])
      results(
        await call(engine.url, '/admin/members', {
          json: { member_number: number },
          session: admin,
        }),
      );
  });
  afterAll(async () => engine.close());

  const create = (form: Record<string, string | number | boolean>) =>
    call(engine.url, '/create-voucher', { form, session: admin });

  const addBasket = (body: unknown) =>
    call(engine.url, '/auth/add-basket', { json: body, session: till });

  function results(answer: Answer): Record<string, unknown> {
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return isRecord(answer.body.results) ? answer.body.results : {};
  }

  function expectRefused(answer: Answer, status: number, name: string, description: RegExp) {
    expect(answer.status).toBe(status);
    const error = isRecord(answer.body.error) ? answer.body.error : {};
    expect(error.name).toBe(name);
    expect(error.description).toMatch(description);
  }

  const createdOf = (answer: Answer): Record<string, unknown>[] => {
    const created = results(answer).vouchers_created;
    return Array.isArray(created) ? created.filter(isRecord) : [];
  };

  const vouchersOfCampaign = (memberNumber: string, campaignId: number) =>
    engine.db.kysely
      .selectFrom('vouchers')
      .innerJoin('members', 'members.id', 'vouchers.member_id')
      .select(['vouchers.id', 'vouchers.deleted_at'])
      .where('members.member_number', '=', memberNumber)
      .where('vouchers.campaign_id', '=', campaignId)
      .orderBy('vouchers.id')
      .execute();

  describe('what create-voucher accepts', () => {
    it('stores and shows the title, texts and image, with the currency and campaign type', async () => {
      const answer = await create({
        campaign_id: basketCampaign,
        member_number: '1000002',
        voucher_title: 'Welcome back',
        voucher_text: 'Ten euro off',
        voucher_description: 'On anything in store',
        voucher_notes: 'issued by the service desk',
        voucher_image_url: 'https://img.example.com/welcome.png',
        voucher_amount: '10.00',
      });
      expect(results(answer)).toMatchObject({
        result_type: 'create-voucher',
        voucher_title: 'Welcome back',
        voucher_text: 'Ten euro off',
        voucher_description: 'On anything in store',
        voucher_notes: 'issued by the service desk',
        voucher_image_url: 'https://img.example.com/welcome.png',
        voucher_amount: 10,
        voucher_currency_code: 'EUR',
        voucher_currency_id: 978,
        voucher_currency_symbol: '€',
        campaign_type: 'loyalty',
        parent_voucher: null,
      });
    });

    it.each([
      ['a relative path', '/images/a.png'],
      ['another scheme', 'ftp://img.example.com/a.png'],
      ['no URL at all', 'not a url'],
    ])('refuses an image URL that is %s', async (_, url) => {
      const answer = await create({
        campaign_id: basketCampaign,
        member_number: '1000002',
        voucher_image_url: url,
      });
      expectRefused(
        answer,
        400,
        'invalid_parameters',
        /voucher_image_url: must be an absolute http or https URL/,
      );
    });

    it('switches a basket campaign’s voucher to a percentage with its ratio', async () => {
      const answer = await create({
        campaign_id: basketCampaign,
        member_number: '1000002',
        voucher_type: 'basket_pct',
        voucher_discount_ratio: '0.25',
      });
      expect(results(answer)).toMatchObject({
        voucher_type: 'basket_pct',
        voucher_discount_ratio: 0.25,
        voucher_amount: null,
      });
    });

    it('gives a percentage campaign a fixed voucher when it is sent an amount', async () => {
      const answer = await create({
        campaign_id: pctCampaign,
        member_number: '1000002',
        voucher_type: 'basket',
        voucher_amount: '3.50',
      });
      expect(results(answer)).toMatchObject({ voucher_type: 'basket', voucher_amount: 3.5 });
    });

    it.each([
      [
        'a percentage without its ratio from a basket campaign',
        () => ({ campaign_id: basketCampaign, voucher_type: 'basket_pct' }),
        /voucher_discount_ratio: a basket_pct voucher of a basket campaign needs this field/,
      ],
      [
        'a fixed voucher without an amount from a percentage campaign',
        () => ({ campaign_id: pctCampaign, voucher_type: 'basket' }),
        /voucher_amount: a basket voucher of a basket_pct campaign needs this field/,
      ],
      [
        'an honour voucher from a basket campaign',
        () => ({ campaign_id: basketCampaign, voucher_type: 'honour' }),
        /voucher_type: a basket campaign cannot issue a honour voucher/,
      ],
      [
        'a money voucher from an honour campaign',
        () => ({ campaign_id: honourCampaign, voucher_type: 'basket', voucher_amount: '1.00' }),
        /voucher_type: a honour campaign cannot issue a basket voucher/,
      ],
      [
        'a ratio above 1',
        () => ({
          campaign_id: basketCampaign,
          voucher_type: 'basket_pct',
          voucher_discount_ratio: '1.5',
        }),
        /voucher_discount_ratio: must be more than 0 and at most 1/,
      ],
      [
        'a ratio on a fixed voucher',
        () => ({ campaign_id: basketCampaign, voucher_discount_ratio: '0.5' }),
        /voucher_discount_ratio: a basket campaign's basket voucher takes no voucher_discount_ratio; only a basket_pct voucher does/,
      ],
      [
        'a type that does not exist',
        () => ({ campaign_id: basketCampaign, voucher_type: 'points' }),
        /voucher_type: must be basket, basket_pct or honour/,
      ],
      [
        'delete_existing without a member',
        () => ({ campaign_id: basketCampaign, delete_existing: 'true' }),
        /delete_existing: deletes a member’s vouchers: name the member/,
      ],
    ])('refuses %s, naming the field', async (_, form, description) => {
      const before = await engine.db.kysely
        .selectFrom('vouchers')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      expectRefused(await create(form()), 400, 'invalid_parameters', description);
      const after = await engine.db.kysely
        .selectFrom('vouchers')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('gives an honour voucher the honour code sent', async () => {
      const answer = await create({
        campaign_id: honourCampaign,
        member_number: '1000002',
        voucher_honour_code: 'FREE-TEA',
      });
      expect(results(answer)).toMatchObject({
        voucher_type: 'honour',
        voucher_honour_code: 'FREE-TEA',
      });
    });
  });

  describe('delete_existing', () => {
    it('deletes the member’s unused vouchers of the campaign, audited, and keeps the others', async () => {
      const old = [
        results(await create({ campaign_id: basketCampaign, member_number: '1000003' })),
        results(await create({ campaign_id: basketCampaign, member_number: '1000003' })),
      ];
      const otherCampaign = results(
        await create({ campaign_id: pctCampaign, member_number: '1000003' }),
      );
      const fresh = results(
        await create({ campaign_id: basketCampaign, member_number: '1000003', delete_existing: 1 }),
      );
      const rows = await vouchersOfCampaign('1000003', basketCampaign);
      expect(rows.map((row) => [row.id, row.deleted_at !== null])).toEqual([
        [old[0]?.voucher_id, true],
        [old[1]?.voucher_id, true],
        [fresh.voucher_id, false],
      ]);
      const kept = await vouchersOfCampaign('1000003', pctCampaign);
      expect(kept).toEqual([{ id: otherCampaign.voucher_id, deleted_at: null }]);
      const audit = await engine.db.kysely
        .selectFrom('audit_log')
        .select(['action', 'reason'])
        .where('voucher_id', '=', Number(old[0]?.voucher_id))
        .orderBy('id')
        .execute();
      expect(audit.map((row) => row.action)).toEqual(['create', 'delete']);
    });

    it('leaves alone a voucher a lock holds, and deletes it once the lock is gone', async () => {
      const held = results(
        await create({
          campaign_id: basketCampaign,
          member_number: '1000006',
          set_claimed: 1,
          voucher_locking_code: next('L-OPEN-SALE'),
        }),
      );
      const loose = results(
        await create({ campaign_id: basketCampaign, member_number: '1000006' }),
      );
      const fresh = results(
        await create({ campaign_id: basketCampaign, member_number: '1000006', delete_existing: 1 }),
      );
      const rows = await vouchersOfCampaign('1000006', basketCampaign);
      expect(rows.map((row) => [row.id, row.deleted_at !== null])).toEqual([
        [held.voucher_id, false],
        [loose.voucher_id, true],
        [fresh.voucher_id, false],
      ]);
      const unlocked = await call(engine.url, '/unlock-voucher', {
        method: 'PUT',
        form: { voucher_id: Number(held.voucher_id) },
        session: manager,
      });
      results(unlocked);
      const again = results(
        await create({ campaign_id: basketCampaign, member_number: '1000006', delete_existing: 1 }),
      );
      const after = await vouchersOfCampaign('1000006', basketCampaign);
      expect(after.map((row) => [row.id, row.deleted_at !== null])).toEqual([
        [held.voucher_id, true],
        [loose.voucher_id, true],
        [fresh.voucher_id, true],
        [again.voucher_id, false],
      ]);
    });

    it('deletes nothing when the new voucher is refused', async () => {
      const taken = next('TAKEN');
      results(
        await create({
          campaign_id: basketCampaign,
          member_number: '1000004',
          voucher_code: taken,
        }),
      );
      const answer = await create({
        campaign_id: basketCampaign,
        member_number: '1000004',
        voucher_code: taken,
        delete_existing: 'true',
      });
      expectRefused(answer, 409, 'already_exists', /is taken/);
      const rows = await vouchersOfCampaign('1000004', basketCampaign);
      expect(rows.map((row) => row.deleted_at)).toEqual([null]);
    });
  });

  describe('locked on creation', () => {
    it('comes back locked to the locking code for the period sent', async () => {
      const answer = await create({
        campaign_id: basketCampaign,
        member_number: '1000002',
        set_claimed: 1,
        voucher_locking_code: 'LOCK-CREATE',
        voucher_lock_period: 120,
      });
      const voucher = results(answer);
      expect(voucher).toMatchObject({
        voucher_locked: true,
        voucher_locking_code: 'LOCK-CREATE',
        voucher_locked_until: '2026-11-23 12:02:00',
      });
      const audit = await engine.db.kysely
        .selectFrom('audit_log')
        .select('action')
        .where('voucher_id', '=', Number(voucher.voucher_id))
        .orderBy('id')
        .execute();
      expect(audit.map((row) => row.action)).toEqual(['create', 'claim', 'lock']);
    });

    it('is refused, and nothing is written, for a basket already stored', async () => {
      const basketCode = next('S001-STORED');
      results(await addBasket(basketRequest(basketCode, [item('tea', 2)])));
      const before = await vouchersOfCampaign('1000005', basketCampaign);
      const answer = await create({
        campaign_id: basketCampaign,
        member_number: '1000005',
        retailer_basket_code: basketCode,
      });
      expectRefused(answer, 409, 'basket_already_exists', /already stored/);
      expect(await vouchersOfCampaign('1000005', basketCampaign)).toEqual(before);
    });
  });

  describe('a stored basket code beside a locking code', () => {
    it('create-voucher locks to the locking code, although the basket code is stored', async () => {
      const basketCode = next('S001-STORED');
      results(await addBasket(basketRequest(basketCode, [item('tea', 2)])));
      const lockingCode = next('L-STORED');
      const voucher = results(
        await create({
          campaign_id: basketCampaign,
          member_number: '1000005',
          set_claimed: 1,
          retailer_basket_code: basketCode,
          voucher_locking_code: lockingCode,
        }),
      );
      expect(voucher).toMatchObject({ voucher_locked: true, voucher_locking_code: lockingCode });
    });

    it('lock-voucher locks to the locking code, and without one is still refused', async () => {
      const basketCode = next('S001-STORED');
      results(await addBasket(basketRequest(basketCode, [item('tea', 2)])));
      const voucher = results(
        await create({ campaign_id: basketCampaign, member_number: '1000002', set_claimed: 1 }),
      );
      const lock = (extra: Record<string, string>) =>
        call(engine.url, '/lock-voucher', {
          method: 'PUT',
          form: {
            voucher_key: String(voucher.voucher_key),
            retailer_basket_code: basketCode,
            ...extra,
          },
          session: till,
        });
      expectRefused(await lock({}), 409, 'basket_already_exists', /already stored/);
      const lockingCode = next('L-STORED');
      expect(results(await lock({ voucher_locking_code: lockingCode }))).toMatchObject({
        voucher_locked: true,
        voucher_locking_code: lockingCode,
      });
    });
  });

  describe('campaign types', () => {
    async function campaignOfType(campaignType: string): Promise<number> {
      const answer = await call(engine.url, '/admin/campaigns', {
        json: {
          title: `A ${campaignType} campaign`,
          voucher_type: 'basket',
          amount: '2.00',
          campaign_type: campaignType,
        },
        session: admin,
      });
      const created = results(answer);
      expect(created.campaign_type).toBe(campaignType);
      return Number(created.campaign_id);
    }

    it('issues vouchers of a wallet campaign', async () => {
      const wallet = await campaignOfType('wallet');
      const answer = await create({ campaign_id: wallet, member_number: '1000002' });
      expect(results(answer)).toMatchObject({ campaign_type: 'wallet', voucher_amount: 2 });
    });

    it('refuses a campaign of another type with its own code', async () => {
      const signup = await campaignOfType('signup');
      const answer = await create({ campaign_id: signup, member_number: '1000002' });
      expectRefused(
        answer,
        409,
        'campaign_type_not_allowed',
        /signup campaign.*loyalty and wallet/,
      );
      expect(answer.body).toMatchObject({ error: { code: 1240 } });
    });

    it('refuses a campaign type that is not a word', async () => {
      const answer = await call(engine.url, '/admin/campaigns', {
        json: { title: 'Odd', voucher_type: 'basket', amount: '2.00', campaign_type: 'Sign Up!' },
        session: admin,
      });
      expectRefused(answer, 400, 'invalid_parameters', /campaign_type: must be a campaign type/);
    });
  });

  describe('anonymous vouchers and child vouchers', () => {
    it('gives an unowned voucher a code, and the remainder of its use a code, value and lasting expiry', async () => {
      const settings = await call(engine.url, '/admin/chain-settings', {
        method: 'PUT',
        json: { child_voucher_min_days: 10 },
        session: admin,
      });
      expect(results(settings)).toMatchObject({ child_voucher_min_days: 10 });
      const parent = results(
        await create({
          campaign_id: basketCampaign,
          voucher_amount: '20.00',
          expiry_date: '2026-11-24',
        }),
      );
      expect(parent).toMatchObject({ user_id: null, voucher_status: 'claimed' });
      const parentCode = String(parent.voucher_code);
      expect(parentCode).toMatch(GENERATED_CODE);

      const spent = await addBasket(
        basketRequest(next('S001-ANON'), [item('shirt', 7.5)], {
          member: null,
          vouchers: [{ voucher_code: parentCode }],
        }),
      );
      const [child] = createdOf(spent);
      expect(child).toMatchObject({
        voucher_amount: 12.5,
        user_id: null,
        voucher_status: 'claimed',
        parent_voucher: { voucher_key: parent.voucher_key },
        // the parent expired at the end of tomorrow; the child lasts the chain's 10 days
        voucher_expiry_seconds_remaining: 10 * DAY_SECONDS,
      });
      const childCode = String(child?.voucher_code);
      expect(childCode).toMatch(GENERATED_CODE);
      expect(childCode).not.toBe(parentCode);

      const reused = await addBasket(
        basketRequest(next('S001-ANON'), [item('jeans', 30)], {
          member: null,
          vouchers: [{ voucher_code: childCode }],
        }),
      );
      expect(results(reused)).toMatchObject({
        basket: {
          basket_vouchers: [{ voucher_key: child?.voucher_key, voucher_applied_amount: 12.5 }],
        },
      });

      const listed = results(
        await call(engine.url, '/get-vouchers', {
          query: { chain_id: 1, show_all_statuses: true, number_results: 500 },
          session: manager,
        }),
      );
      const entries = Array.isArray(listed.vouchers) ? listed.vouchers.filter(isRecord) : [];
      expect(entries.find((entry) => entry.voucher_key === child?.voucher_key)).toMatchObject({
        parent_voucher: { voucher_key: parent.voucher_key },
      });
    });

    it('gives the remainder of an unowned voucher to the member of the basket that used it', async () => {
      const parent = results(await create({ campaign_id: basketCampaign, voucher_amount: '9.00' }));
      const spent = await addBasket(
        basketRequest(next('S001-MEMBER'), [item('socks', 4)], {
          member: '1000002',
          vouchers: [{ voucher_code: String(parent.voucher_code) }],
        }),
      );
      // the parent's expiry (the campaign's 90 days) is later than the chain's minimum: it stays
      expect(createdOf(spent)).toMatchObject([
        {
          voucher_amount: 5,
          member_number: '1000002',
          voucher_expiry_datetime_utc: parent.voucher_expiry_datetime_utc,
        },
      ]);
      expect(parent.voucher_expiry_datetime_utc).toBe('2027-02-21 12:00:00');
    });

    it('keeps an owned parent’s owner for its child, whatever the basket', async () => {
      const parent = results(
        await create({
          campaign_id: basketCampaign,
          member_number: '1000006',
          voucher_amount: '8.00',
          set_claimed: 1,
        }),
      );
      const redeemed = results(
        await call(engine.url, '/auth/redeem-voucher', {
          form: { voucher_key: String(parent.voucher_key), amount: '3.00' },
          session: admin,
        }),
      );
      expect(redeemed.regenerated_voucher).toMatchObject({
        voucher_amount: 5,
        member_number: '1000006',
        parent_voucher: { voucher_key: parent.voucher_key },
      });
      const regenerated = isRecord(redeemed.regenerated_voucher)
        ? redeemed.regenerated_voucher
        : {};
      expect(regenerated.voucher_code).toMatch(GENERATED_CODE);
    });

    it('gives the return of an anonymous purchase made with a voucher a voucher with a code', async () => {
      const parent = results(await create({ campaign_id: basketCampaign, voucher_amount: '6.00' }));
      const purchase = next('S001-BUY');
      results(
        await addBasket(
          basketRequest(purchase, [item('shirt', 10, 2)], {
            member: null,
            vouchers: [{ voucher_code: String(parent.voucher_code) }],
          }),
        ),
      );
      const returned = await addBasket(
        basketRequest(
          next('S001-RETURN'),
          [
            item('r1', -10, 1, {
              return_item: true,
              original_retailer_basket_code: purchase,
              original_retailer_item_code: 'shirt',
            }),
          ],
          { member: null },
        ),
      );
      expect(createdOf(returned)).toMatchObject([
        {
          voucher_amount: 3,
          user_id: null,
          parent_voucher: { voucher_key: parent.voucher_key },
        },
      ]);
      expect(createdOf(returned)[0]?.voucher_code).toMatch(GENERATED_CODE);
    });
  });
});
