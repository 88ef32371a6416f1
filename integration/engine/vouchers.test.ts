import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk } from '../../src-engine/domain/refusal';
import type { Actor } from '../../src-engine/domain/actor';
import {
  createCampaign,
  createChain,
  createMember,
  createVoucher,
  type VoucherInput,
} from '../../src-engine/domain/admin';
import { basketRequest, item } from '../../test-support/engine/baskets';
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

const T0 = Date.parse('2026-11-23T12:00:00Z');
const MINUTE = 60_000;
const SEED: Actor = { chainId: 1, role: 'privileged', name: 'test-seed', accountId: null };
const LOCKED_UNTIL = /locked_until \d{4}-\d\d-\d\d \d\d:\d\d:\d\d/;

describeEachDatabase('voucher calls', (database) => {
  let engine: TestEngine;
  let clock = T0;
  let till: Session;
  let manager: Session;
  let admin: Session;
  let otherChainKey: string;
  const campaigns = { basket: 0, basket_pct: 0, honour: 0 };
  let serial = 0;
  const nextCode = (prefix: string) => `${prefix}-${String((serial += 1))}`;

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true, now: () => clock });
    ({ till, manager, admin } = await loginDemoAccounts(engine.url));
    const rows = await engine.db.kysely
      .selectFrom('campaigns')
      .select(['id', 'voucher_type'])
      .where('chain_id', '=', 1)
      .where('code_type', 'is', null)
      .execute();
    for (const row of rows) campaigns[row.voucher_type] = row.id;
    otherChainKey = await seedOtherChain();
  });
  afterAll(async () => engine.close());

  async function seedOtherChain(): Promise<string> {
    const db = engine.db.kysely;
    const chainId = await createChain(
      db,
      { name: 'Other Retail', currency: 'EUR', timezone: 'Europe/Amsterdam' },
      clock,
    );
    expectOk(await createMember(db, { chainId, memberNumber: '2000001' }, clock));
    const { id: campaignId } = expectOk(
      await createCampaign(
        db,
        { chainId, title: 'Other €5', incentive: { type: 'basket', amount: 500 } },
        clock,
      ),
    );
    const created = expectOk(
      await createVoucher(
        db,
        { ...SEED, chainId },
        { chainId, campaignId, memberNumber: '2000001', claimed: true },
        clock,
      ),
    );
    return created.key;
  }

  /** A new voucher of the demo chain: a claimed €5.00 voucher of member 1000001 unless told otherwise. */
  async function newVoucher(
    overrides: Partial<VoucherInput> = {},
  ): Promise<{ id: number; key: string }> {
    return createVoucher(
      engine.db.kysely,
      SEED,
      {
        chainId: 1,
        campaignId: campaigns.basket,
        memberNumber: '1000001',
        code: nextCode('TEST'),
        claimed: true,
        ...overrides,
      },
      clock,
    ).then(expectOk);
  }

  const send = (method: string, path: string, session: Session, form: CallOptions['form']) =>
    call(engine.url, path, { method, session, ...(form ? { form } : {}) });

  const voucherRow = (id: number) =>
    engine.db.kysely
      .selectFrom('vouchers')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  const auditOf = (voucherId: number) =>
    engine.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'actor', 'reason', 'basket_code'])
      .where('voucher_id', '=', voucherId)
      .orderBy('id')
      .execute();

  const lock = (key: string, basket: string, session = till, extra: CallOptions['form'] = {}) =>
    send('PUT', '/lock-voucher', session, {
      voucher_key: key,
      retailer_basket_code: basket,
      ...extra,
    });

  function expectError(answer: Answer, status: number, name: string, description: RegExp): void {
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ result: { code: 2, status: 'error' }, error: { name } });
    const error = answer.body.error;
    expect(isRecord(error) ? error.description : undefined).toMatch(description);
  }

  describe('lock-voucher', () => {
    it('locks a voucher for a basket and answers the voucher object', async () => {
      const voucher = await newVoucher();
      const answer = await lock(voucher.key, 'S001-01-LOCK-1', till, {
        voucher_locking_code: 'L1',
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        result: { code: 1, status: 'ok' },
        results: {
          result_type: 'lock-voucher',
          voucher_key: voucher.key,
          voucher_status: 'claimed',
          voucher_locked: true,
          voucher_locked_until: '2026-11-23 12:05:00',
          voucher_locking_code: 'L1',
          voucher_retailer_basket_code_exclusive: 'S001-01-LOCK-1',
        },
      });
      expect(await voucherRow(voucher.id)).toMatchObject({
        lock_until: T0 + 5 * MINUTE,
        lock_basket_code: 'S001-01-LOCK-1',
        lock_code: 'L1',
      });
      expect(await auditOf(voucher.id)).toContainEqual({
        action: 'lock',
        actor: 'till-s001-01',
        reason: null,
        basket_code: 'S001-01-LOCK-1',
      });
    });

    it('refuses basket B a voucher held for basket A, naming locked_until, and changes nothing', async () => {
      const voucher = await newVoucher();
      expect((await lock(voucher.key, 'S001-01-A')).status).toBe(200);
      const before = await snapshot(engine.db.kysely);
      const answer = await lock(voucher.key, 'S001-01-B', manager);
      expectError(answer, 409, 'voucher_state_conflict', LOCKED_UNTIL);
      expect(await snapshot(engine.db.kysely)).toEqual(before);
    });

    it('lets basket A refresh its own lock with its own period, and basket B take it once it lapses', async () => {
      const voucher = await newVoucher();
      await lock(voucher.key, 'S001-01-A2');
      const refreshed = await lock(voucher.key, 'S001-01-A2', till, { voucher_lock_period: 60 });
      expect(refreshed.body).toMatchObject({
        results: { voucher_locked_until: '2026-11-23 12:01:00' },
      });
      clock += 2 * MINUTE;
      try {
        const taken = await lock(voucher.key, 'S001-01-B2');
        expect(taken.body).toMatchObject({
          results: { voucher_retailer_basket_code_exclusive: 'S001-01-B2' },
        });
      } finally {
        clock -= 2 * MINUTE;
      }
    });

    it('refuses a lock for a basket that is already stored (basket_already_exists)', async () => {
      const stored = await call(engine.url, '/auth/add-basket', {
        json: basketRequest('S001-01-STORED-1', [item('a', 10)], { member: null }),
        session: till,
      });
      expect(stored.status).toBe(200);
      const voucher = await newVoucher();
      expectError(
        await lock(voucher.key, 'S001-01-STORED-1'),
        409,
        'basket_already_exists',
        /S001-01-STORED-1/,
      );
    });

    it('refuses a redeemed voucher', async () => {
      const voucher = await newVoucher();
      await engine.db.kysely
        .updateTable('vouchers')
        .set({ burned_at: clock })
        .where('id', '=', voucher.id)
        .execute();
      expectError(
        await lock(voucher.key, 'S001-01-C'),
        409,
        'voucher_state_conflict',
        /already redeemed/,
      );
    });
  });

  describe('unlock-voucher', () => {
    it('is refused to a terminal (403) and leaves the lock', async () => {
      const voucher = await newVoucher();
      await lock(voucher.key, 'S001-01-U1');
      const before = await snapshot(engine.db.kysely);
      const answer = await send('PUT', '/unlock-voucher', till, {
        voucher_key: voucher.key,
        reason: 'customer left',
      });
      expectError(answer, 403, 'permission_denied_or_non_existent', /manager role/);
      expect(await snapshot(engine.db.kysely)).toEqual(before);
    });

    it('lets a manager unlock, with an audit row naming them and the reason', async () => {
      const voucher = await newVoucher();
      await lock(voucher.key, 'S001-01-U2');
      const answer = await send('PUT', '/unlock-voucher', manager, {
        voucher_key: voucher.key,
        reason: 'till crashed mid-sale',
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        results: { result_type: 'unlock-voucher', voucher_key: voucher.key, voucher_locked: false },
      });
      expect(await voucherRow(voucher.id)).toMatchObject({
        lock_until: null,
        lock_basket_code: null,
      });
      expect(await auditOf(voucher.id)).toContainEqual({
        action: 'unlock',
        actor: 'manager-s001',
        reason: 'till crashed mid-sale',
        basket_code: 'S001-01-U2',
      });
      // with the lock gone another basket may take it
      expect((await lock(voucher.key, 'S001-01-U3')).status).toBe(200);
    });

    it('accepts POST and a voucher_id; a reason given must say why', async () => {
      const voucher = await newVoucher();
      await lock(voucher.key, 'S001-01-U4');
      const short = await send('POST', '/unlock-voucher', manager, {
        voucher_id: voucher.id,
        reason: 'x',
      });
      expectError(short, 400, 'invalid_parameters', /reason: say why/);
      const answer = await send('POST', '/unlock-voucher', manager, {
        voucher_id: voucher.id,
        reason: 'walked out',
      });
      expect(answer.body).toMatchObject({
        results: { voucher_id: voucher.id, voucher_locked: false },
      });
    });

    it('unlocks without a reason, as Spaaza clients send it; the audit row names who, and no reason', async () => {
      const voucher = await newVoucher();
      await lock(voucher.key, 'S001-01-U5');
      const answer = await send('PUT', '/unlock-voucher', manager, { voucher_key: voucher.key });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        results: { result_type: 'unlock-voucher', voucher_key: voucher.key, voucher_locked: false },
      });
      expect(await voucherRow(voucher.id)).toMatchObject({ lock_until: null });
      expect(await auditOf(voucher.id)).toContainEqual({
        action: 'unlock',
        actor: 'manager-s001',
        reason: null,
        basket_code: 'S001-01-U5',
      });
    });
  });

  describe('claim-voucher and unclaim-voucher', () => {
    it('claims a generated voucher for its owner, once', async () => {
      const voucher = await newVoucher({ claimed: false, memberNumber: '1000002' });
      const form = { voucher_key: voucher.key, member_number: '1000002' };
      const answer = await send('POST', '/claim-voucher', till, form);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        results: {
          result_type: 'claim-voucher',
          voucher_status: 'claimed',
          member_number: '1000002',
        },
      });
      const again = await send('PUT', '/claim-voucher', till, form);
      expect(again.body).toMatchObject({ results: { voucher_status: 'claimed' } });
      expect((await auditOf(voucher.id)).filter((row) => row.action === 'claim')).toHaveLength(1);
    });

    it('refuses another member’s voucher and changes nothing', async () => {
      const voucher = await newVoucher({ claimed: false, memberNumber: '1000002' });
      const before = await snapshot(engine.db.kysely);
      const answer = await send('POST', '/claim-voucher', till, {
        voucher_key: voucher.key,
        member_number: '1000001',
      });
      expectError(answer, 404, 'voucher_not_found', /does not belong/);
      expect(await snapshot(engine.db.kysely)).toEqual(before);
    });

    it('refuses to claim an expired voucher', async () => {
      const voucher = await newVoucher({ claimed: false, expiresAt: T0 - MINUTE });
      const answer = await send('POST', '/claim-voucher', till, { voucher_key: voucher.key });
      expectError(answer, 409, 'voucher_state_conflict', /expired/);
    });

    it('lets a terminal unclaim an unlocked voucher', async () => {
      const voucher = await newVoucher();
      const answer = await send('POST', '/unclaim-voucher', till, { voucher_key: voucher.key });
      expect(answer.body).toMatchObject({
        results: { result_type: 'unclaim-voucher', voucher_status: 'generated' },
      });
      expect(await voucherRow(voucher.id)).toMatchObject({ claimed_at: null });
      expect((await auditOf(voucher.id)).map((row) => row.action)).toContain('unclaim');
    });

    it('leaves a locked voucher to a manager', async () => {
      const voucher = await newVoucher();
      await lock(voucher.key, 'S001-01-UC1');
      const refused = await send('PUT', '/unclaim-voucher', till, { voucher_key: voucher.key });
      expectError(refused, 403, 'permission_denied_or_non_existent', /manager role/);
      expect(await voucherRow(voucher.id)).toMatchObject({ claimed_at: T0 });
      const answer = await send('PUT', '/unclaim-voucher', manager, { voucher_key: voucher.key });
      expect(answer.body).toMatchObject({ results: { voucher_status: 'generated' } });
    });

    it('moves an honour voucher along the sync feed on each change', async () => {
      const voucher = await newVoucher({ campaignId: campaigns.honour, memberNumber: null });
      const revBefore = (await voucherRow(voucher.id)).rev ?? 0;
      await send('POST', '/unclaim-voucher', till, { voucher_key: voucher.key });
      const revAfterUnclaim = (await voucherRow(voucher.id)).rev ?? 0;
      await send('POST', '/claim-voucher', till, { voucher_key: voucher.key });
      const revAfterClaim = (await voucherRow(voucher.id)).rev ?? 0;
      expect(revAfterUnclaim).toBeGreaterThan(revBefore);
      expect(revAfterClaim).toBeGreaterThan(revAfterUnclaim);
    });
  });

  describe('create-voucher', () => {
    it('lets an admin issue a claimed voucher with its own amount, code and expiry', async () => {
      const code = nextCode('CREATED');
      const answer = await send('POST', '/create-voucher', admin, {
        campaign_id: campaigns.basket,
        member_number: '1000002',
        voucher_amount: '7.50',
        set_claimed: 1,
        expiry_date: '2027-01-31',
        voucher_code: code,
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        results: {
          result_type: 'create-voucher',
          voucher_code: code,
          voucher_type: 'basket',
          voucher_status: 'claimed',
          voucher_amount: 7.5,
          voucher_amount_original: 7.5,
          voucher_expiry_datetime_utc: '2027-02-01 00:00:00',
          member_number: '1000002',
        },
      });
      const audit = await engine.db.kysely
        .selectFrom('audit_log')
        .innerJoin('vouchers', 'vouchers.id', 'audit_log.voucher_id')
        .select('audit_log.action')
        .where('vouchers.code', '=', code)
        .execute();
      expect(audit.map((row) => row.action)).toEqual(['create', 'claim']);
    });

    it('issues a generated voucher of the campaign’s value by user_id', async () => {
      const member = await engine.db.kysely
        .selectFrom('members')
        .select('id')
        .where('member_number', '=', '1000001')
        .executeTakeFirstOrThrow();
      const answer = await call(engine.url, '/create-voucher', {
        json: { campaign_id: campaigns.basket, user_id: member.id },
        session: admin,
      });
      expect(answer.body).toMatchObject({
        results: { voucher_status: 'generated', voucher_amount: 5, user_id: member.id },
      });
    });

    it('is refused to a manager', async () => {
      const answer = await send('POST', '/create-voucher', manager, {
        campaign_id: campaigns.basket,
        member_number: '1000001',
      });
      expectError(answer, 403, 'permission_denied_or_non_existent', /admin role/);
    });
  });

  describe('expire-voucher and delete-voucher', () => {
    it('lets a manager expire a claimed voucher now', async () => {
      const voucher = await newVoucher();
      const answer = await send('PUT', '/expire-voucher', manager, { voucher_key: voucher.key });
      expect(answer.body).toMatchObject({
        results: {
          result_type: 'expire-voucher',
          voucher_key: voucher.key,
          voucher_expiry_datetime_utc: '2026-11-23 12:00:00',
          voucher_expiry_seconds_remaining: 0,
        },
      });
      expect(await voucherRow(voucher.id)).toMatchObject({ expires_at: T0 });
      expect((await auditOf(voucher.id)).map((row) => row.action)).toContain('expire');
    });

    it('refuses to expire a voucher nobody claimed, and refuses a terminal', async () => {
      const voucher = await newVoucher({ claimed: false });
      const unclaimed = await send('POST', '/expire-voucher', manager, {
        voucher_key: voucher.key,
      });
      expectError(unclaimed, 409, 'voucher_state_conflict', /not claimed/);
      const byTill = await send('POST', '/expire-voucher', till, { voucher_key: voucher.key });
      expectError(byTill, 403, 'permission_denied_or_non_existent', /manager role/);
    });

    it('lets a manager delete a claimed voucher named in the query string; it is then gone', async () => {
      const voucher = await newVoucher();
      const answer = await call(engine.url, '/delete-voucher', {
        method: 'DELETE',
        query: { voucher_key: voucher.key },
        session: manager,
      });
      expect(answer.body).toMatchObject({
        results: {
          result_type: 'delete-voucher',
          voucher_key: voucher.key,
          voucher_id: voucher.id,
        },
      });
      expect((await voucherRow(voucher.id)).deleted_at).toBe(T0);
      expect((await auditOf(voucher.id)).map((row) => row.action)).toContain('delete');
      expectError(await lock(voucher.key, 'S001-01-D1'), 404, 'voucher_not_found', /no voucher/);
    });

    it('refuses to delete a generated voucher (form body)', async () => {
      const voucher = await newVoucher({ claimed: false });
      const answer = await send('DELETE', '/delete-voucher', manager, { voucher_key: voucher.key });
      expectError(answer, 409, 'voucher_state_conflict', /not claimed/);
    });
  });

  describe('redeem-voucher', () => {
    const redeem = (form: CallOptions['form'], session = admin) =>
      send('POST', '/auth/redeem-voucher', session, form);

    it('redeems a whole basket voucher', async () => {
      const voucher = await newVoucher();
      const answer = await redeem({ voucher_key: voucher.key });
      expect(answer.body).toMatchObject({
        results: {
          result_type: 'redeem-voucher',
          voucher_status: 'redeemed',
          voucher_amount_redeemed: 5,
          voucher_amount: 0,
          regenerated_voucher: null,
        },
      });
      expect((await auditOf(voucher.id)).map((row) => row.action)).toContain('redeem');
      const again = await redeem({ voucher_key: voucher.key });
      expectError(again, 409, 'voucher_state_conflict', /already redeemed/);
    });

    it('redeems part of a basket voucher and issues the rest as a new voucher', async () => {
      const voucher = await newVoucher({ amount: 1000 });
      const answer = await send('PUT', '/auth/redeem-voucher', admin, {
        voucher_id: voucher.id,
        amount: '2.50',
      });
      expect(answer.body).toMatchObject({
        results: {
          voucher_key: voucher.key,
          voucher_status: 'redeemed',
          voucher_amount_original: 10,
          voucher_amount_redeemed: 2.5,
          regenerated_voucher: {
            voucher_status: 'claimed',
            voucher_amount: 7.5,
            member_number: '1000001',
            parent_voucher: { voucher_key: voucher.key },
          },
        },
      });
      const remainder = await engine.db.kysely
        .selectFrom('vouchers')
        .select(['amount', 'claimed_at'])
        .where('parent_voucher_id', '=', voucher.id)
        .executeTakeFirstOrThrow();
      expect(remainder).toEqual({ amount: 750, claimed_at: T0 });
    });

    it('redeems an honour voucher and moves it along the sync feed', async () => {
      const voucher = await newVoucher({ campaignId: campaigns.honour, memberNumber: null });
      const revBefore = (await voucherRow(voucher.id)).rev ?? 0;
      const answer = await redeem({ voucher_key: voucher.key });
      expect(answer.body).toMatchObject({
        results: { voucher_type: 'honour', voucher_status: 'redeemed' },
      });
      expect((await voucherRow(voucher.id)).rev).toBeGreaterThan(revBefore);
    });

    it('refuses a voucher held for a sale, naming locked_until', async () => {
      const voucher = await newVoucher();
      await lock(voucher.key, 'S001-01-R1');
      expectError(
        await redeem({ voucher_key: voucher.key }),
        409,
        'voucher_state_conflict',
        LOCKED_UNTIL,
      );
    });

    it('refuses more than is left, a percentage voucher and a manager, changing nothing', async () => {
      const fixed = await newVoucher();
      const percent = await newVoucher({ campaignId: campaigns.basket_pct });
      const before = await snapshot(engine.db.kysely);
      expectError(
        await redeem({ voucher_key: fixed.key, amount: 6 }),
        400,
        'invalid_parameters',
        /amount: is more than the 5.00 EUR left/,
      );
      expectError(
        await redeem({ voucher_key: percent.key }),
        409,
        'voucher_state_conflict',
        /percentage/,
      );
      expectError(
        await redeem({ voucher_key: fixed.key }, manager),
        403,
        'permission_denied_or_non_existent',
        /admin role/,
      );
      expect(await snapshot(engine.db.kysely)).toEqual(before);
    });
  });

  describe('races', () => {
    const RACERS = 12;

    it('of many baskets locking one voucher, exactly one wins; the rest are told locked_until', async () => {
      const voucher = await newVoucher();
      const answers = await Promise.all(
        Array.from({ length: RACERS }, (_, n) => lock(voucher.key, `S001-01-RACE-${n}`)),
      );
      expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
      for (const answer of answers.filter((a) => a.status !== 200))
        expectError(answer, 409, 'voucher_state_conflict', LOCKED_UNTIL);
      const locks = (await auditOf(voucher.id)).filter((row) => row.action === 'lock');
      expect(locks).toHaveLength(1);
    });

    it('of many redemptions of one voucher, exactly one burns it', async () => {
      const voucher = await newVoucher();
      const answers = await Promise.all(
        Array.from({ length: RACERS }, () =>
          send('POST', '/auth/redeem-voucher', admin, { voucher_key: voucher.key }),
        ),
      );
      expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
      for (const answer of answers.filter((a) => a.status !== 200))
        expectError(answer, 409, 'voucher_state_conflict', /already redeemed/);
      const redemptions = (await auditOf(voucher.id)).filter((row) => row.action === 'redeem');
      expect(redemptions).toHaveLength(1);
    });
  });

  describe('refusals leave the database unchanged', () => {
    const someKey = () => 'ab'.repeat(32);
    const cases: [string, string, string, () => CallOptions, number, string, RegExp][] = [
      [
        'no session on lock-voucher',
        'PUT',
        '/lock-voucher',
        () => ({ form: { voucher_key: someKey() } }),
        401,
        'no_valid_session',
        /log in/,
      ],
      [
        'no session on unlock-voucher',
        'PUT',
        '/unlock-voucher',
        () => ({ form: { voucher_key: someKey(), reason: 'why not' } }),
        401,
        'no_valid_session',
        /log in/,
      ],
      [
        'no session on redeem-voucher',
        'POST',
        '/auth/redeem-voucher',
        () => ({ form: { voucher_key: someKey() } }),
        401,
        'no_valid_session',
        /log in/,
      ],
      [
        'no session on create-voucher',
        'POST',
        '/create-voucher',
        () => ({ form: { campaign_id: 1, member_number: '1000001' } }),
        401,
        'no_valid_session',
        /log in/,
      ],
      [
        'no session on delete-voucher',
        'DELETE',
        '/delete-voucher',
        () => ({ query: { voucher_key: someKey() } }),
        401,
        'no_valid_session',
        /log in/,
      ],
      [
        'a voucher_id that is not a number',
        'PUT',
        '/lock-voucher',
        () => ({ form: { voucher_id: 'abc' }, session: till }),
        400,
        'invalid_parameters',
        /voucher_id: .*expected number/,
      ],
      [
        'a malformed voucher_key',
        'POST',
        '/claim-voucher',
        () => ({ form: { voucher_key: 'xyz' }, session: till }),
        400,
        'invalid_parameters',
        /voucher_key: must be 64 hexadecimal/,
      ],
      [
        'no voucher named',
        'POST',
        '/expire-voucher',
        () => ({ form: { member_number: '1000001' }, session: manager }),
        400,
        'invalid_parameters',
        /send voucher_key, voucher_id or third_party_id/,
      ],
      [
        'a lock period that is not a number',
        'PUT',
        '/lock-voucher',
        () => ({ form: { voucher_key: someKey(), voucher_lock_period: 'soon' }, session: till }),
        400,
        'invalid_parameters',
        /voucher_lock_period/,
      ],
      [
        'a flag that is not one',
        'POST',
        '/create-voucher',
        () => ({
          form: { campaign_id: campaigns.basket, member_number: '1000001', set_claimed: 'maybe' },
          session: admin,
        }),
        400,
        'invalid_parameters',
        /set_claimed: .*boolean/,
      ],
      [
        'a date not in the calendar',
        'POST',
        '/create-voucher',
        () => ({
          form: {
            campaign_id: campaigns.basket,
            member_number: '1000001',
            expiry_date: '2027-02-30',
          },
          session: admin,
        }),
        400,
        'invalid_parameters',
        /expiry_date: is not a date/,
      ],
      [
        'an expiry already past',
        'POST',
        '/create-voucher',
        () => ({
          form: {
            campaign_id: campaigns.basket,
            member_number: '1000001',
            expiry_date: '2026-11-22',
          },
          session: admin,
        }),
        400,
        'invalid_parameters',
        /expiry_date: 2026-11-22 is already past/,
      ],
      [
        'an amount with too many decimals',
        'POST',
        '/create-voucher',
        () => ({
          form: {
            campaign_id: campaigns.basket,
            member_number: '1000001',
            voucher_amount: '1.005',
          },
          session: admin,
        }),
        400,
        'invalid_parameters',
        /voucher_amount: has 3 decimals/,
      ],
      [
        'an amount for a percentage campaign',
        'POST',
        '/create-voucher',
        () => ({
          form: { campaign_id: campaigns.basket_pct, member_number: '1000001', voucher_amount: 5 },
          session: admin,
        }),
        400,
        'invalid_parameters',
        /voucher_amount: a basket_pct campaign/,
      ],
      [
        'an unknown campaign',
        'POST',
        '/create-voucher',
        () => ({ form: { campaign_id: 999_999, member_number: '1000001' }, session: admin }),
        404,
        'campaign_not_found',
        /999999/,
      ],
      [
        'an unknown member',
        'POST',
        '/create-voucher',
        () => ({ form: { campaign_id: campaigns.basket, member_number: '999' }, session: admin }),
        404,
        'member_not_found',
        /999/,
      ],
      [
        'a voucher code that is taken',
        'POST',
        '/create-voucher',
        () => ({
          form: {
            campaign_id: campaigns.basket,
            member_number: '1000001',
            voucher_code: 'DEMO-5EUR',
          },
          session: admin,
        }),
        409,
        'already_exists',
        /DEMO-5EUR/,
      ],
      [
        'an unknown voucher key',
        'PUT',
        '/lock-voucher',
        () => ({ form: { voucher_key: someKey() }, session: till }),
        404,
        'voucher_not_found',
        /no voucher/,
      ],
      [
        'an unknown voucher_id',
        'POST',
        '/auth/redeem-voucher',
        () => ({ form: { voucher_id: 999_999 }, session: admin }),
        404,
        'voucher_not_found',
        /voucher_id 999999/,
      ],
      [
        'another chain’s voucher (lock)',
        'PUT',
        '/lock-voucher',
        () => ({ form: { voucher_key: otherChainKey }, session: till }),
        404,
        'voucher_not_found',
        /no voucher/,
      ],
      [
        'another chain’s voucher (unlock)',
        'PUT',
        '/unlock-voucher',
        () => ({ form: { voucher_key: otherChainKey, reason: 'not mine' }, session: manager }),
        404,
        'voucher_not_found',
        /no voucher/,
      ],
      [
        'another chain’s voucher (redeem)',
        'POST',
        '/auth/redeem-voucher',
        () => ({ form: { voucher_key: otherChainKey }, session: admin }),
        404,
        'voucher_not_found',
        /no voucher/,
      ],
      [
        'another chain’s chain_id',
        'POST',
        '/claim-voucher',
        () => ({ form: { voucher_key: otherChainKey, chain_id: 2 }, session: till }),
        403,
        'permission_denied_or_non_existent',
        /chain 2/,
      ],
      [
        'another chain’s chain_id on create',
        'POST',
        '/create-voucher',
        () => ({
          form: { chain_id: 2, campaign_id: campaigns.basket, member_number: '1000001' },
          session: admin,
        }),
        403,
        'permission_denied_or_non_existent',
        /chain 2/,
      ],
    ];

    it.each(cases)(
      '%s → %s %s answers %i %s',
      async (_, method, path, options, status, name, description) => {
        const before = await snapshot(engine.db.kysely);
        const answer = await call(engine.url, path, { method, ...options() });
        expectError(answer, status, name, description);
        expect(await snapshot(engine.db.kysely)).toEqual(before);
      },
    );
  });
});
