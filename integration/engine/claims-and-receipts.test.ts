import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src-engine/domain/actor';
import { createMember, createVoucher } from '../../src-engine/domain/admin';
import { expectOk } from '../../src-engine/domain/refusal';
import { basketRequest, item } from '../../test-support/engine/baskets';
import { issueDemoVoucher } from '../../test-support/engine/demo-vouchers';
import {
  call,
  isRecord,
  loginAs,
  type Answer,
  type Session,
} from '../../test-support/engine/client';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';
import { snapshot } from '../../test-support/engine/snapshot';

const T0 = Date.parse('2026-11-23T12:00:00Z');
const MINUTE = 60_000;
const SEED: Actor = { chainId: 1, role: 'privileged', name: 'test-seed', accountId: null };

describeEachDatabase('claim-vouchers, claim-basket and get-receipts', (database) => {
  let engine: TestEngine;
  let clock = T0;
  let till: Session;
  let campaignId = 0;
  let serial = 0;
  const next = (prefix: string) => `${prefix}-${String((serial += 1))}`;

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true, now: () => clock });
    till = await loginAs(engine.url, 'till-s001-01', 'demo-till');
    const campaign = await engine.db.kysely
      .selectFrom('campaigns')
      .select('id')
      .where('chain_id', '=', 1)
      .where('voucher_type', '=', 'basket')
      .where('code_type', 'is', null)
      .executeTakeFirstOrThrow();
    campaignId = campaign.id;
  });
  afterAll(async () => engine.close());

  const db = () => engine.db.kysely;

  interface Member {
    readonly id: number;
    readonly number: string;
    readonly username: string;
    readonly identity: string;
  }

  async function newMember(): Promise<Member> {
    const number = next('77');
    const username = `${number}@example.com`;
    const identity = `idp-${number}`;
    const member = {
      chainId: 1,
      memberNumber: number,
      username,
      authenticationPointIdentifier: identity,
    };
    return { id: expectOk(await createMember(db(), member, clock)), number, username, identity };
  }

  async function newVoucher(
    memberNumber: string | null,
    extra: { expiresAt?: number; thirdPartyId?: string } = {},
  ) {
    return expectOk(
      await createVoucher(
        db(),
        SEED,
        { chainId: 1, campaignId, memberNumber, code: next('CLAIM'), claimed: false, ...extra },
        clock,
      ),
    );
  }

  const voucherRow = (id: number) =>
    db().selectFrom('vouchers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  function expectError(answer: Answer, status: number, name: string, description: RegExp): void {
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ result: { code: 2, status: 'error' }, error: { name } });
    const error = answer.body.error;
    expect(isRecord(error) ? error.description : undefined).toMatch(description);
  }

  const claimVouchers = (body: unknown) =>
    call(engine.url, '/claim-vouchers', { json: body, session: till });

  /** Stores a basket through add-basket; anonymous unless a member number is given. */
  async function storeBasket(
    member: string | null,
    options: { vouchers?: unknown[]; price?: number } = {},
  ): Promise<string> {
    const code = next('S001-01-R');
    const answer = await call(engine.url, '/auth/add-basket', {
      json: basketRequest(code, [item('line_1', options.price ?? 20)], {
        member,
        ...(options.vouchers ? { vouchers: options.vouchers } : {}),
      }),
      session: till,
    });
    expect(answer.status).toBe(200);
    return code;
  }

  describe('claim-vouchers', () => {
    it('claims and locks every voucher named, for the member, in one call', async () => {
      const member = await newMember();
      const first = await newVoucher(member.number);
      const second = await newVoucher(member.number);
      const answer = await claimVouchers({
        entity: { chain_id: 1 },
        user: { user_id: member.id },
        vouchers: [{ voucher_key: first.key }, { voucher_id: second.id }],
        locking: { retailer_basket_code: 'S001-01-CV-1', voucher_lock_period: 600 },
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        results: {
          result_type: 'claim-vouchers',
          vouchers: [
            {
              voucher_key: first.key,
              voucher_status: 'claimed',
              voucher_locked: true,
              voucher_retailer_basket_code_exclusive: 'S001-01-CV-1',
              member_number: member.number,
            },
            { voucher_id: second.id, voucher_status: 'claimed', voucher_locked: true },
          ],
        },
      });
      const row = await voucherRow(second.id);
      expect(row.claimed_at).toBe(clock);
      expect(row.lock_until).toBe(clock + 600_000);
      const audits = await db()
        .selectFrom('audit_log')
        .select('action')
        .where('voucher_id', '=', first.id)
        .orderBy('id')
        .execute();
      expect(audits.map((line) => line.action)).toEqual(['create', 'claim', 'lock']);
    });

    it('claims without locking when no locking is sent, naming the member by member_number', async () => {
      const member = await newMember();
      const voucher = await newVoucher(member.number);
      const answer = await claimVouchers({
        user: { member_number: member.number },
        vouchers: [{ voucher_key: voucher.key }],
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        results: { vouchers: [{ voucher_status: 'claimed', voucher_locked: false }] },
      });
      expect((await voucherRow(voucher.id)).lock_until).toBeNull();
    });

    it.each(['username', 'authentication_point_identifier'] as const)(
      'names the member by %s',
      async (field) => {
        const member = await newMember();
        const voucher = await newVoucher(member.number);
        const user =
          field === 'username' ? { username: member.username } : { [field]: member.identity };
        const answer = await claimVouchers({ user, vouchers: [{ voucher_id: voucher.id }] });
        expect(answer.body).toMatchObject({
          results: { vouchers: [{ voucher_status: 'claimed', member_number: member.number }] },
        });
        expect((await voucherRow(voucher.id)).claimed_at).toBe(clock);
      },
    );

    it('names a voucher by its third_party_id on a chain that uses them, and refuses a list for one', async () => {
      const member = await newMember();
      const thirdPartyId = next('EXT');
      const voucher = await newVoucher(member.number, { thirdPartyId });
      await db()
        .updateTable('chains')
        .set({ uses_third_party_voucher_id: 1 })
        .where('id', '=', 1)
        .execute();
      try {
        const before = await snapshot(db());
        expectError(
          await claimVouchers({
            user: { user_id: member.id },
            vouchers: [{ third_party_id: [thirdPartyId, 'other'] }],
          }),
          400,
          'invalid_parameters',
          /third_party_id/,
        );
        expect(await snapshot(db())).toEqual(before);
        const answer = await claimVouchers({
          user: { user_id: member.id },
          vouchers: [{ third_party_id: thirdPartyId }],
        });
        expect(answer.body).toMatchObject({
          results: { vouchers: [{ voucher_id: voucher.id, voucher_status: 'claimed' }] },
        });
      } finally {
        await db()
          .updateTable('chains')
          .set({ uses_third_party_voucher_id: 0 })
          .where('id', '=', 1)
          .execute();
      }
    });

    it('a voucher that cannot be claimed leaves the others unclaimed and unlocked', async () => {
      const member = await newMember();
      const good = await newVoucher(member.number);
      const expired = await newVoucher(member.number, { expiresAt: clock - MINUTE });
      const before = await snapshot(db());
      const answer = await claimVouchers({
        user: { user_id: member.id },
        vouchers: [{ voucher_key: good.key }, { voucher_key: expired.key }],
        locking: { retailer_basket_code: 'S001-01-CV-2' },
      });
      expectError(answer, 409, 'voucher_state_conflict', /expired/);
      expect(await snapshot(db())).toEqual(before);
      expect((await voucherRow(good.id)).claimed_at).toBeNull();
    });

    it('refuses another member’s voucher, and changes nothing', async () => {
      const member = await newMember();
      const other = await newMember();
      const mine = await newVoucher(member.number);
      const theirs = await newVoucher(other.number);
      const before = await snapshot(db());
      const answer = await claimVouchers({
        user: { member_number: member.number },
        vouchers: [{ voucher_key: mine.key }, { voucher_key: theirs.key }],
      });
      expectError(answer, 404, 'voucher_not_found', /does not belong/);
      expect(await snapshot(db())).toEqual(before);
    });

    it('refuses more than 10 vouchers, naming the limit, before touching any', async () => {
      const member = await newMember();
      const keys = [];
      for (let index = 0; index < 11; index += 1) keys.push((await newVoucher(member.number)).key);
      const before = await snapshot(db());
      const answer = await claimVouchers({
        user: { user_id: member.id },
        vouchers: keys.map((key) => ({ voucher_key: key })),
      });
      expectError(answer, 400, 'invalid_parameters', /vouchers.*at most 10/);
      expect(await snapshot(db())).toEqual(before);
    });

    it('refuses an empty list, a voucher named by nothing and a missing user, naming each field', async () => {
      const member = await newMember();
      expectError(
        await claimVouchers({ user: { user_id: member.id }, vouchers: [] }),
        400,
        'invalid_parameters',
        /vouchers/,
      );
      expectError(
        await claimVouchers({ user: { user_id: member.id }, vouchers: [{}] }),
        400,
        'invalid_parameters',
        /voucher_key/,
      );
      expectError(
        await claimVouchers({ user: {}, vouchers: [{ voucher_id: 1 }] }),
        400,
        'invalid_parameters',
        /user/,
      );
    });

    it('refuses another chain, an unknown member, an unknown voucher and a body that is not JSON', async () => {
      const member = await newMember();
      const voucher = await newVoucher(member.number);
      expectError(
        await claimVouchers({
          entity: { chain_id: 2 },
          user: { user_id: member.id },
          vouchers: [{ voucher_key: voucher.key }],
        }),
        403,
        'permission_denied_or_non_existent',
        /chain 2/,
      );
      expectError(
        await claimVouchers({
          user: { member_number: 'NO-SUCH-MEMBER' },
          vouchers: [{ voucher_key: voucher.key }],
        }),
        404,
        'member_not_found',
        /NO-SUCH-MEMBER/,
      );
      expectError(
        await claimVouchers({
          user: { user_id: member.id },
          vouchers: [{ voucher_key: voucher.key }, { voucher_key: 'a'.repeat(64) }],
        }),
        404,
        'voucher_not_found',
        /no voucher/,
      );
      expect((await voucherRow(voucher.id)).claimed_at).toBeNull();
      const form = await call(engine.url, '/claim-vouchers', {
        form: { user_id: member.id, voucher_key: voucher.key },
        session: till,
      });
      expectError(form, 415, 'unsupported_media_type', /application\/json/);
    });

    it('refuses a lock for a basket that is already stored, and claims nothing', async () => {
      const member = await newMember();
      const voucher = await newVoucher(member.number);
      const stored = await storeBasket(null);
      const answer = await claimVouchers({
        user: { user_id: member.id },
        vouchers: [{ voucher_key: voucher.key }],
        locking: { retailer_basket_code: stored },
      });
      expectError(answer, 409, 'basket_already_exists', /already stored/);
      expect((await voucherRow(voucher.id)).claimed_at).toBeNull();
    });
  });

  describe('claim-basket', () => {
    const claimBasket = (form: Record<string, string | number>) =>
      call(engine.url, '/auth/claim-basket', { form, session: till });
    const basketRow = (code: string) =>
      db()
        .selectFrom('baskets')
        .selectAll()
        .where('retailer_basket_code', '=', code)
        .executeTakeFirstOrThrow();

    it('gives an anonymous basket its member, audited, and reports it about the member', async () => {
      const member = await newMember();
      const code = await storeBasket(null);
      clock += MINUTE;
      const answer = await claimBasket({
        retailer_basket_code: code,
        member_number: member.number,
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        results: {
          result_type: 'claim-basket',
          basket: {
            retailer_basket_code: code,
            user: { user_id: member.id, member_number: member.number },
            basket_claimed_datetime: new Date(clock).toISOString().slice(0, 19).replace('T', ' '),
            basket_total_price: 20,
          },
        },
      });
      const row = await basketRow(code);
      expect(row.member_id).toBe(member.id);
      expect(row.claimed_at).toBe(clock);
      const audit = await db()
        .selectFrom('audit_log')
        .select(['action', 'actor'])
        .where('basket_code', '=', code)
        .where('action', '=', 'claim_basket')
        .execute();
      expect(audit).toEqual([{ action: 'claim_basket', actor: 'till-s001-01' }]);
      const events = await db()
        .selectFrom('events')
        .select(['subject', 'payload_json', 'reported_at'])
        .where('type', '=', 'BASKET_CLAIMED')
        .where('subject', '=', member.number)
        .execute();
      expect(events).toHaveLength(1);
      expect(events[0]?.reported_at).toBe(clock);
      expect(JSON.parse(events[0]?.payload_json ?? '{}')).toMatchObject({
        basketCode: code,
        totalGross: 2000,
        totalNet: 2000,
      });
    });

    it.each(['username', 'authentication_point_identifier'] as const)(
      'gives the basket the member named by %s',
      async (field) => {
        const member = await newMember();
        const code = await storeBasket(null);
        const name = field === 'username' ? member.username : member.identity;
        const answer = await claimBasket({ retailer_basket_code: code, [field]: name });
        expect(answer.body).toMatchObject({
          results: { basket: { user: { user_id: member.id, member_number: member.number } } },
        });
        expect((await basketRow(code)).member_id).toBe(member.id);
      },
    );

    it('gives the member the unowned vouchers the basket issued, audited, in the same call', async () => {
      const member = await newMember();
      const voucherCode = next('ANON');
      const parentKey = await issueDemoVoucher(db(), voucherCode, 500);
      const code = await storeBasket(null, { price: 2, vouchers: [{ voucher_code: voucherCode }] });
      const issued = await db()
        .selectFrom('vouchers')
        .innerJoin('vouchers as parent', 'parent.id', 'vouchers.parent_voucher_id')
        .select(['vouchers.id', 'vouchers.member_id', 'vouchers.amount'])
        .where('parent.voucher_key', '=', parentKey)
        .execute();
      expect(issued.map((row) => [row.member_id, row.amount])).toEqual([[null, 300]]);
      const remainder = issued[0]?.id ?? 0;
      clock += MINUTE;
      const answer = await claimBasket({
        retailer_basket_code: code,
        member_number: member.number,
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        results: { basket: { vouchers_created: [{ voucher_id: remainder, user_id: member.id }] } },
      });
      expect((await voucherRow(remainder)).member_id).toBe(member.id);
      const parent = await db()
        .selectFrom('vouchers')
        .select('member_id')
        .where('voucher_key', '=', parentKey)
        .executeTakeFirstOrThrow();
      expect(parent.member_id).toBeNull();
      const audit = await db()
        .selectFrom('audit_log')
        .select(['action', 'basket_code'])
        .where('voucher_id', '=', remainder)
        .orderBy('id')
        .execute();
      expect(audit).toEqual([
        { action: 'create', basket_code: code },
        { action: 'claim', basket_code: code },
      ]);
    });

    it('refuses a basket that already has a member, by basket_id in JSON, and changes nothing', async () => {
      const member = await newMember();
      const owned = await storeBasket('1000001');
      const { id } = await basketRow(owned);
      const before = await snapshot(db());
      const answer = await call(engine.url, '/auth/claim-basket', {
        json: { basket_id: id, user_id: member.id },
        session: till,
      });
      expectError(answer, 409, 'basket_already_claimed', /already belongs/);
      expect(await snapshot(db())).toEqual(before);
    });

    it('a basket claimed once cannot be claimed again', async () => {
      const first = await newMember();
      const second = await newMember();
      const code = await storeBasket(null);
      expect((await claimBasket({ retailer_basket_code: code, user_id: first.id })).status).toBe(
        200,
      );
      const again = await claimBasket({ retailer_basket_code: code, user_id: second.id });
      expectError(again, 409, 'basket_already_claimed', new RegExp(code));
      expect((await basketRow(code)).member_id).toBe(first.id);
    });

    /** fetch writes the multipart boundary itself when the body is a FormData. */
    const claimAsMultipart = (form: FormData) =>
      fetch(`${engine.url}/auth/claim-basket`, {
        method: 'POST',
        headers: {
          'x-spaaza-session-user-id': String(till.userId),
          'x-spaaza-session-key': till.key,
        },
        body: form,
      });

    it('takes a multipart/form-data body', async () => {
      const member = await newMember();
      const code = await storeBasket(null);
      const form = new FormData();
      form.set('retailer_basket_code', code);
      form.set('member_number', member.number);
      const response = await claimAsMultipart(form);
      expect(response.status).toBe(200);
      expect((await basketRow(code)).member_id).toBe(member.id);
    });

    it('refuses a multipart body carrying a file, naming the field', async () => {
      const form = new FormData();
      form.set('retailer_basket_code', 'S001-01-X');
      form.set('receipt', new Blob(['hello']), 'receipt.txt');
      const response = await claimAsMultipart(form);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body).toMatchObject({ error: { name: 'invalid_parameters' } });
      expect(JSON.stringify(body)).toContain('receipt');
    });

    it('refuses an unknown basket, a supplementary code, an unknown member and another chain', async () => {
      const member = await newMember();
      const code = await storeBasket(null);
      const before = await snapshot(db());
      expectError(
        await claimBasket({ retailer_basket_code: 'NO-SUCH-BASKET', user_id: member.id }),
        404,
        'basket_not_found',
        /NO-SUCH-BASKET/,
      );
      expectError(
        await claimBasket({ supplementary_basket_code: code, user_id: member.id }),
        404,
        'basket_not_found',
        /supplementary_basket_code/,
      );
      expectError(
        await claimBasket({ retailer_basket_code: code, member_number: 'NO-SUCH-MEMBER' }),
        404,
        'member_not_found',
        /NO-SUCH-MEMBER/,
      );
      expectError(
        await claimBasket({ chain_id: 2, retailer_basket_code: code, user_id: member.id }),
        403,
        'permission_denied_or_non_existent',
        /chain 2/,
      );
      expect(await snapshot(db())).toEqual(before);
    });

    it('refuses a request naming no basket or no member, naming the field', async () => {
      expectError(await claimBasket({ user_id: 1 }), 400, 'invalid_parameters', /basket_id/);
      expectError(
        await claimBasket({ retailer_basket_code: 'S001-01-X' }),
        400,
        'invalid_parameters',
        /user_id/,
      );
    });
  });

  describe('get-receipts', () => {
    const receipts = (query: Record<string, string | number>) =>
      call(engine.url, '/get-receipts', { query, session: till });
    const receiptList = (answer: Answer): Record<string, unknown>[] => {
      const results = answer.body.results;
      const list = isRecord(results) ? results.receipts : undefined;
      return Array.isArray(list) ? list.filter(isRecord) : [];
    };

    it('lists a member’s baskets newest first, with items, amounts and the vouchers redeemed and created', async () => {
      const member = await newMember();
      const voucher = expectOk(
        await createVoucher(
          db(),
          SEED,
          { chainId: 1, campaignId, memberNumber: member.number, claimed: true, amount: 800 },
          clock,
        ),
      );
      clock += MINUTE;
      const older = await storeBasket(member.number, {
        vouchers: [{ voucher_key: voucher.key }],
        price: 5,
      });
      clock += MINUTE;
      const newer = await storeBasket(member.number, { price: 12.5 });
      const answer = await receipts({ member_number: member.number });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        results: { result_type: 'get-receipts', results_count_total: 2 },
      });
      const [first, second] = receiptList(answer);
      expect(first).toMatchObject({
        retailer_basket_code: newer,
        basket_timestamp_iso8601: new Date(clock).toISOString(),
        branch_business_owner_code: 'S001',
        user: { user_id: member.id, member_number: member.number },
        basket_currency: { currency_code: 'EUR' },
        basket_total_price: 12.5,
        engine_total_price: 12.5,
        engine_total_discount: 0,
        payment_methods: null,
        basket_tax: null,
        basket_claimed_datetime: null,
        vouchers_redeemed: [],
        vouchers_created: [],
        basket_items: [
          {
            retailer_item_code: 'line_1',
            item_quantity: 1,
            item_unit_price: 12.5,
            item_discount: 0,
            item_returned_quantity: 0,
          },
        ],
      });
      expect(second).toMatchObject({
        retailer_basket_code: older,
        engine_total_price: 5,
        engine_total_discount: 5,
        engine_total_adjusted_price: 0,
        basket_items: [{ item_discount: 5 }],
        vouchers_redeemed: [{ voucher_key: voucher.key, voucher_status: 'redeemed' }],
        vouchers_created: [
          {
            voucher_amount: 3,
            voucher_status: 'claimed',
            parent_voucher: { voucher_key: voucher.key },
          },
        ],
      });
    });

    it('lists the lines in the sale’s order, with what the till charged, the engine’s gross and the item the till named', async () => {
      const code = next('S001-01-ORDER');
      const lines = Array.from({ length: 11 }, (_, index) => item(`line_${String(index + 1)}`, 1));
      // the till charged 15.00 a unit for three units shelved at 20.00
      lines[1] = item('line_2', 15, 3, {
        item_original_price: 20,
        item_barcode: '8712345000165',
        item_name: 'Coffee beans 1 kg',
      });
      const stored = await call(engine.url, '/auth/add-basket', {
        json: basketRequest(code, lines, { member: null }),
        session: till,
      });
      expect(stored.status).toBe(200);
      const [receipt] = receiptList(await receipts({ retailer_basket_code: code }));
      const items = Array.isArray(receipt?.basket_items)
        ? receipt.basket_items.filter(isRecord)
        : [];
      expect(items.map((line) => line.retailer_item_code)).toEqual(
        lines.map((line) => line.retailer_item_code),
      );
      expect(items[1]).toMatchObject({
        item_unit_price: 20,
        item_price: 15,
        item_subtotal: 45,
        item_gross: 60,
      });
      expect(items[0]).toMatchObject({ item_price: 1, item_subtotal: 1, item_gross: 1 });
      // what the till said each line is: for a return at another till of the store
      expect(items[1]).toMatchObject({
        item_barcode: '8712345000165',
        item_name: 'Coffee beans 1 kg',
      });
      expect(items[0]).toMatchObject({ item_barcode: '8710000000001', item_name: null });
    });

    it('pages with number_results and results_offset, and counts every match', async () => {
      const member = await newMember();
      const codes = [];
      for (let index = 0; index < 3; index += 1) {
        clock += MINUTE;
        codes.push(await storeBasket(member.number));
      }
      const page = await receipts({ user_id: member.id, number_results: 1, results_offset: 1 });
      expect(page.body).toMatchObject({ results: { results_count_total: 3 } });
      expect(receiptList(page).map((r) => r.retailer_basket_code)).toEqual([codes[1]]);
      const beyond = await receipts({ user_id: member.id, results_offset: 3 });
      expect(receiptList(beyond)).toEqual([]);
    });

    it('filters by basket code, basket id, store and sale time', async () => {
      clock += 10 * MINUTE;
      const from = clock;
      const code = await storeBasket(null);
      const { id } = await db()
        .selectFrom('baskets')
        .select('id')
        .where('retailer_basket_code', '=', code)
        .executeTakeFirstOrThrow();
      clock += MINUTE;
      const later = await storeBasket(null);
      const byCode = await receipts({ retailer_basket_code: code });
      expect(receiptList(byCode).map((r) => r.basket_id)).toEqual([id]);
      expect(
        receiptList(await receipts({ basket_id: id })).map((r) => r.retailer_basket_code),
      ).toEqual([code]);
      expect(
        receiptList(
          await receipts({ retailer_basket_code: code, branch_business_owner_code: 'S999' }),
        ),
      ).toEqual([]);
      const window = await receipts({
        min_basket_datetime: new Date(from).toISOString(),
        max_basket_datetime: new Date(from + 30_000).toISOString(),
      });
      expect(receiptList(window).map((r) => r.retailer_basket_code)).toEqual([code]);
      const since = await receipts({ min_basket_datetime: new Date(from + 30_000).toISOString() });
      expect(receiptList(since).map((r) => r.retailer_basket_code)).toEqual([later]);
    });

    it('finds a member’s baskets by username or identity id', async () => {
      const member = await newMember();
      const code = await storeBasket(member.number);
      const queries: Record<string, string>[] = [
        { username: member.username },
        { authentication_point_identifier: member.identity },
      ];
      for (const query of queries) {
        const answer = await receipts(query);
        expect(answer.body).toMatchObject({ results: { results_count_total: 1 } });
        expect(receiptList(answer).map((r) => r.retailer_basket_code)).toEqual([code]);
      }
      expectError(
        await receipts({ username: member.username, member_number: 'NO-SUCH-MEMBER' }),
        404,
        'member_not_found',
        /NO-SUCH-MEMBER/,
      );
    });

    it('bounds the sale time relative to now, and takes a date and a space-separated time', async () => {
      const member = await newMember();
      const old = await storeBasket(member.number);
      clock += 3 * 60 * MINUTE;
      const recent = await storeBasket(member.number);
      clock += 30 * MINUTE;
      const codes = async (query: Record<string, string | number>) =>
        receiptList(await receipts({ user_id: member.id, ...query })).map(
          (r) => r.retailer_basket_code,
        );
      expect(await codes({ min_basket_datetime_relative: '-1 hour' })).toEqual([recent]);
      expect(await codes({ max_basket_datetime_relative: '-2 hours' })).toEqual([old]);
      expect(
        await codes({
          min_basket_datetime_relative: '-4 hours',
          max_basket_datetime_relative: '0 seconds',
        }),
      ).toEqual([recent, old]);
      const spaced = new Date(clock - 60 * MINUTE).toISOString().slice(0, 19).replace('T', ' ');
      expect(await codes({ min_basket_datetime: spaced })).toEqual([recent]);
      const day = new Date(clock + 2 * 24 * 60 * MINUTE).toISOString().slice(0, 10);
      expect(await codes({ min_basket_datetime: day })).toEqual([]);
    });

    it('decodes the stored payments and taxes back into major units, and shows what the till charged', async () => {
      const code = await storeBasket(null, { price: 20 });
      await db()
        .updateTable('baskets')
        .set({
          payment_methods_json: JSON.stringify([{ method: 'card', amount: 1950 }]),
          tax_json: JSON.stringify([{ rate: 0.21, total: 338 }]),
          total_charged: 1950,
        })
        .where('retailer_basket_code', '=', code)
        .execute();
      const [receipt] = receiptList(await receipts({ retailer_basket_code: code }));
      expect(receipt).toMatchObject({
        basket_total_price: 19.5,
        engine_total_price: 20,
        payment_methods: [{ payment_method: 'card', payment_amount: 19.5 }],
        basket_tax: [{ tax_rate: 0.21, tax_total: 3.38 }],
      });
    });

    it('refuses bad paging and dates, an unknown member and another chain, naming the field', async () => {
      expectError(
        await receipts({ number_results: 501 }),
        400,
        'invalid_parameters',
        /number_results/,
      );
      expectError(
        await receipts({ number_results: 0 }),
        400,
        'invalid_parameters',
        /number_results/,
      );
      expectError(
        await receipts({ results_offset: -1 }),
        400,
        'invalid_parameters',
        /results_offset/,
      );
      expectError(
        await receipts({ min_basket_datetime: 'yesterday' }),
        400,
        'invalid_parameters',
        /min_basket_datetime/,
      );
      expectError(
        await receipts({
          min_basket_datetime: '2026-11-24T00:00:00Z',
          max_basket_datetime: '2026-11-23T00:00:00Z',
        }),
        400,
        'invalid_parameters',
        /max_basket_datetime/,
      );
      expectError(
        await receipts({ max_basket_datetime_relative: 'last week' }),
        400,
        'invalid_parameters',
        /max_basket_datetime_relative/,
      );
      expectError(
        await receipts({
          min_basket_datetime: '2026-11-23T00:00:00Z',
          min_basket_datetime_relative: '-1 day',
        }),
        400,
        'invalid_parameters',
        /min_basket_datetime_relative.*not both/,
      );
      expectError(
        await receipts({
          min_basket_datetime_relative: '+1 day',
          max_basket_datetime_relative: '-1 day',
        }),
        400,
        'invalid_parameters',
        /max_basket_datetime/,
      );
      expectError(
        await receipts({ member_number: 'NO-SUCH-MEMBER' }),
        404,
        'member_not_found',
        /NO-SUCH-MEMBER/,
      );
      expectError(
        await receipts({ chain_id: 2 }),
        403,
        'permission_denied_or_non_existent',
        /chain 2/,
      );
    });
  });
});
