import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectOk } from '../../src-engine/domain/refusal';
import type { Actor } from '../../src-engine/domain/actor';
import { createMember, createVoucher } from '../../src-engine/domain/admin';
import * as basketEvents from '../../src-engine/domain/events/basket-event';
import { recordEvent } from '../../src-engine/domain/events/record';
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

const SEED: Actor = { chainId: 1, role: 'privileged', name: 'test-seed', accountId: null };

interface EventJson {
  id: string;
  type: string;
  subject: string;
  payload: Record<string, unknown>;
  reportedAt: string;
}

function eventsOf(answer: Answer): EventJson[] {
  expect(answer.status).toBe(200);
  expect(answer.body.status).toBe('success');
  const data = answer.body.data;
  if (!Array.isArray(data)) throw new Error(`no event list in ${JSON.stringify(answer.body)}`);
  return data.map((event: unknown) => {
    if (!isRecord(event) || !isRecord(event.payload)) throw new Error('not an event');
    return {
      id: String(event.id),
      type: String(event.type),
      subject: String(event.subject),
      payload: event.payload,
      reportedAt: String(event.reportedAt),
    };
  });
}

describeEachDatabase('events', (database) => {
  let engine: TestEngine;
  let till: Session;
  let manager: Session;
  let admin: Session;
  let campaignId: number;
  let serial = 0;
  const next = () => String((serial += 1)).padStart(4, '0');

  beforeAll(async () => {
    // the webhook of the roll-back test points at a closed port on this machine
    engine = await startTestEngine(database, {
      demo: true,
      webhooks: { allowHttp: true, allowHosts: ['127.0.0.1'] },
    });
    ({ till, manager, admin } = await loginDemoAccounts(engine.url));
    const demo = await engine.db.kysely
      .selectFrom('vouchers')
      .select('campaign_id')
      .where('code', '=', 'DEMO-5EUR')
      .executeTakeFirstOrThrow();
    campaignId = demo.campaign_id;
  });
  afterAll(async () => engine.close());

  /** A new member with one claimed €5.00 voucher, so each test sees only its own events. */
  async function memberWithVoucher() {
    const memberNumber = `EV${next()}`;
    expectOk(
      await createMember(engine.db.kysely, { chainId: 1, memberNumber, name: 'Ada Lovelace' }, 0),
    );
    const voucher = expectOk(
      await createVoucher(
        engine.db.kysely,
        SEED,
        { chainId: 1, campaignId, memberNumber, code: `EVT-${next()}`, claimed: true },
        Date.now(),
      ),
    );
    const row = await engine.db.kysely
      .selectFrom('vouchers')
      .innerJoin('campaigns', 'campaigns.id', 'vouchers.campaign_id')
      .select(['vouchers.uuid', 'campaigns.uuid as reward_uuid'])
      .where('vouchers.id', '=', voucher.id)
      .executeTakeFirstOrThrow();
    return { memberNumber, key: voucher.key, benefitId: row.uuid, rewardId: row.reward_uuid };
  }

  const events = (query: Record<string, string | number> = {}, session = admin) =>
    call(engine.url, '/events', { session, query });
  const ofSubject = async (subject: string) => eventsOf(await events({ subject, order: 'ASC' }));
  const eventCount = async () => {
    const { count } = await engine.db.kysely
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(count);
  };

  describe('voucher transitions on the Spaaza face', () => {
    it('creating and claiming a voucher reports VOUCHER_GIVEN and REDEEMED_VOUCHER with the code', async () => {
      const member = await memberWithVoucher();
      const reported = await ofSubject(member.memberNumber);
      expect(reported.map((event) => event.type)).toEqual(['VOUCHER_GIVEN', 'REDEEMED_VOUCHER']);
      expect(reported[0]?.payload).toEqual({
        benefitId: member.benefitId,
        rewardId: member.rewardId,
      });
      expect(reported[1]?.payload.code).toMatch(/^EVT-\d{4}$/);
    });

    it('get-basket-price locks report VOUCHER_LOCKED; a basket without the voucher reports VOUCHER_UNLOCKED', async () => {
      const member = await memberWithVoucher();
      const basketCode = `EV-BASKET-${next()}`;
      const priced = await call(engine.url, '/auth/get-basket-price', {
        session: till,
        json: basketRequest(basketCode, [item('line_1', 20)], { member: member.memberNumber }),
      });
      expect(priced.status).toBe(200);
      const locked = (await ofSubject(member.memberNumber)).filter(
        (event) => event.type === 'VOUCHER_LOCKED',
      );
      expect(locked).toHaveLength(1);
      expect(locked[0]?.payload).toMatchObject({
        benefitId: member.benefitId,
        rewardId: member.rewardId,
        basketCode,
        lockedUntil: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
      });
      // no names or other personal data in any payload
      expect(JSON.stringify(locked)).not.toContain('Lovelace');

      // pricing the same basket again refreshes the lock: no second event
      await call(engine.url, '/auth/get-basket-price', {
        session: till,
        json: basketRequest(basketCode, [item('line_1', 20)], { member: member.memberNumber }),
      });
      // the same basket code without the member: the voucher is released
      await call(engine.url, '/auth/get-basket-price', {
        session: till,
        json: basketRequest(basketCode, [item('line_1', 20)], { member: null }),
      });
      const types = (await ofSubject(member.memberNumber)).map((event) => event.type);
      expect(types.slice(2)).toEqual(['VOUCHER_LOCKED', 'VOUCHER_UNLOCKED']);
    });

    it('unlock-voucher reports VOUCHER_UNLOCKED with its reason', async () => {
      const member = await memberWithVoucher();
      const basketCode = `EV-BASKET-${next()}`;
      await call(engine.url, '/auth/get-basket-price', {
        session: till,
        json: basketRequest(basketCode, [item('line_1', 20)], { member: member.memberNumber }),
      });
      const unlocked = await call(engine.url, '/unlock-voucher', {
        method: 'PUT',
        session: manager,
        form: { voucher_key: member.key, reason: 'customer left' },
      });
      expect(unlocked.status).toBe(200);
      const last = (await ofSubject(member.memberNumber)).at(-1);
      expect(last).toMatchObject({
        type: 'VOUCHER_UNLOCKED',
        subject: member.memberNumber,
        payload: { benefitId: member.benefitId, reason: 'customer left' },
      });
    });

    it('add-basket reports BURNED_VOUCHER and BASKET_ADDED once, even when the basket is sent again', async () => {
      const member = await memberWithVoucher();
      const basketCode = `EV-BASKET-${next()}`;
      const request = basketRequest(basketCode, [item('line_1', 20), item('line_2', 10)], {
        member: member.memberNumber,
        vouchers: [{ voucher_key: member.key }],
      });
      const stored = await call(engine.url, '/auth/add-basket', { session: till, json: request });
      expect(stored.status).toBe(200);
      const replayed = await call(engine.url, '/auth/add-basket', { session: till, json: request });
      expect(replayed.status).toBe(200);

      const reported = (await ofSubject(member.memberNumber)).slice(2);
      expect(reported.map((event) => event.type)).toEqual(['BURNED_VOUCHER', 'BASKET_ADDED']);
      expect(reported[0]?.payload).toMatchObject({ benefitId: member.benefitId, basketCode });
      expect(reported[1]?.payload).toEqual({
        basketCode,
        storeCode: 'S001',
        currency: 'EUR',
        totalGross: 3000,
        totalDiscount: 500,
        totalNet: 2500,
        benefitIds: [member.benefitId],
      });
    });

    it('an anonymous basket’s BASKET_ADDED is about the basket code', async () => {
      const basketCode = `EV-BASKET-${next()}`;
      const stored = await call(engine.url, '/auth/add-basket', {
        session: till,
        json: basketRequest(basketCode, [item('line_1', 5)], { member: null }),
      });
      expect(stored.status).toBe(200);
      const reported = eventsOf(await events({ subject: basketCode }));
      expect(reported).toHaveLength(1);
      expect(reported[0]).toMatchObject({
        type: 'BASKET_ADDED',
        payload: { basketCode, totalGross: 500, benefitIds: [] },
      });
    });
  });

  describe('written in the transaction of the change', () => {
    it('a refused operation leaves no event', async () => {
      const member = await memberWithVoucher();
      const basketCode = `EV-BASKET-${next()}`;
      const stored = await call(engine.url, '/auth/add-basket', {
        session: till,
        json: basketRequest(basketCode, [item('line_1', 20)], {
          member: member.memberNumber,
          vouchers: [{ voucher_key: member.key }],
        }),
      });
      expect(stored.status).toBe(200);
      const before = await eventCount();
      const refused = await call(engine.url, '/auth/add-basket', {
        session: till,
        json: basketRequest(basketCode, [item('line_1', 99)], { member: member.memberNumber }),
      });
      expect(refused.status).toBe(409);
      const unclaim = await call(engine.url, '/unclaim-voucher', {
        session: till,
        form: { voucher_key: member.key },
      });
      expect(unclaim.status).toBe(409);
      expect(await eventCount()).toBe(before);
    });

    it('a command failing after its audit and event were written leaves none of them, nor its voucher change', async () => {
      const db = engine.db.kysely;
      const member = await memberWithVoucher();
      const basketCode = `EV-BASKET-${next()}`;
      const voucherId = (
        await db
          .selectFrom('vouchers')
          .select('id')
          .where('voucher_key', '=', member.key)
          .executeTakeFirstOrThrow()
      ).id;
      const audits = () =>
        db.selectFrom('audit_log').select('action').where('voucher_id', '=', voucherId).execute();
      const auditsBefore = await audits();
      const eventsBefore = await eventCount();
      /*
       * No refusal comes after add-basket's burn on its own, so a fault is injected: the last
       * write of the command (its BASKET_ADDED event) fails. Before failing, it looks through
       * the command's own transaction and sees the burn, its audit line and its event written.
       */
      const seenInside: string[] = [];
      const failing = vi
        .spyOn(basketEvents, 'recordBasketAdded')
        .mockImplementationOnce(async (trx) => {
          const voucher = await trx
            .selectFrom('vouchers')
            .select('burned_at')
            .where('id', '=', voucherId)
            .executeTakeFirstOrThrow();
          const reported = await trx
            .selectFrom('events')
            .select('type')
            .where('voucher_id', '=', voucherId)
            .execute();
          const audited = await trx
            .selectFrom('audit_log')
            .select('action')
            .where('voucher_id', '=', voucherId)
            .execute();
          seenInside.push(
            voucher.burned_at === null ? 'unburned' : 'burned',
            ...audited.map((row) => `audit ${row.action}`),
            ...reported.map((row) => `event ${row.type}`),
          );
          throw new Error('the disk filled up');
        });
      try {
        const failed = await call(engine.url, '/auth/add-basket', {
          session: till,
          json: basketRequest(basketCode, [item('line_1', 20)], {
            member: member.memberNumber,
            vouchers: [{ voucher_key: member.key }],
          }),
        });
        expect(failed.status).toBe(500);
      } finally {
        failing.mockRestore();
      }
      expect(seenInside).toEqual([
        'burned',
        'audit create',
        'audit claim',
        'audit redeem',
        'event VOUCHER_GIVEN',
        'event REDEEMED_VOUCHER',
        'event BURNED_VOUCHER',
      ]);
      // after the rollback: no event, no audit line, the voucher as it was, no basket
      expect(await eventCount()).toBe(eventsBefore);
      expect(await audits()).toEqual(auditsBefore);
      expect(
        await db
          .selectFrom('vouchers')
          .select(['burned_at', 'redeemed_basket_id'])
          .where('id', '=', voucherId)
          .executeTakeFirstOrThrow(),
      ).toEqual({ burned_at: null, redeemed_basket_id: null });
      expect(
        await db
          .selectFrom('baskets')
          .select('id')
          .where('retailer_basket_code', '=', basketCode)
          .execute(),
      ).toEqual([]);
    });

    it('an event and its deliveries roll back with the transaction that recorded them', async () => {
      const db = engine.db.kysely;
      const webhook = await call(engine.url, '/admin/webhooks', {
        session: admin,
        json: { url: 'http://127.0.0.1:9/never', event_types: '*' },
      });
      expect(webhook.status).toBe(200);
      const before = await eventCount();
      const deliveriesBefore = await db.selectFrom('webhook_deliveries').select('id').execute();
      await expect(
        db.transaction().execute(async (trx) => {
          await recordEvent(trx, {
            chainId: 1,
            type: 'VOUCHER_EXPIRED',
            subject: 'rolled-back',
            payload: {},
            at: Date.now(),
          });
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await eventCount()).toBe(before);
      expect(await db.selectFrom('webhook_deliveries').select('id').execute()).toEqual(
        deliveriesBefore,
      );
      const results = webhook.body.results;
      const created = isRecord(results) && isRecord(results.webhook) ? results.webhook : {};
      await call(engine.url, `/admin/webhooks/${String(created.id)}`, {
        method: 'DELETE',
        session: admin,
      });
    });
  });

  describe('GET /events', () => {
    it('filters by type and subject, pages with limit and skip, orders by id', async () => {
      const member = await memberWithVoucher();
      await call(engine.url, '/auth/add-basket', {
        session: till,
        json: basketRequest(`EV-BASKET-${next()}`, [item('line_1', 20)], {
          member: member.memberNumber,
          vouchers: [{ voucher_key: member.key }],
        }),
      });
      const all = await ofSubject(member.memberNumber);
      expect(all.map((event) => event.type)).toEqual([
        'VOUCHER_GIVEN',
        'REDEEMED_VOUCHER',
        'BURNED_VOUCHER',
        'BASKET_ADDED',
      ]);
      const newestFirst = eventsOf(await events({ subject: member.memberNumber }));
      expect(newestFirst.map((event) => event.id)).toEqual(all.map((event) => event.id).reverse());
      const page = eventsOf(
        await events({ subject: member.memberNumber, order: 'ASC', limit: 2, skip: 1 }),
      );
      expect(page.map((event) => event.id)).toEqual(all.slice(1, 3).map((event) => event.id));
      const burned = eventsOf(
        await events({ subject: member.memberNumber, type: 'BURNED_VOUCHER' }),
      );
      expect(burned.map((event) => event.id)).toEqual([all[2]?.id]);
      expect(eventsOf(await events({ limit: 1 }))).toHaveLength(1);
    });

    it('GET /events/:id answers one event; unknown → EVENT_NOT_FOUND; malformed → INVALID_PARAMETERS naming id', async () => {
      const member = await memberWithVoucher();
      const [given] = await ofSubject(member.memberNumber);
      const one = await call(engine.url, `/events/${given?.id ?? ''}`, { session: admin });
      expect(one.status).toBe(200);
      expect(one.body).toEqual({ status: 'success', data: given });
      const missing = await call(engine.url, '/events/00000000-0000-4000-8000-000000000000', {
        session: admin,
      });
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ status: 'error', error: { code: 'EVENT_NOT_FOUND' } });
      const malformed = await call(engine.url, '/events/42', { session: admin });
      expect(malformed.status).toBe(400);
      expect(malformed.body).toMatchObject({
        status: 'error',
        error: {
          code: 'INVALID_PARAMETERS',
          message: expect.stringMatching(/^id: must be a UUID/) as unknown,
        },
      });
    });

    it('refuses bad filters naming the field, and callers below admin', async () => {
      for (const [query, field] of [
        [{ limit: 0 }, 'limit'],
        [{ limit: 1001 }, 'limit'],
        // digits only: no hexadecimal, exponent, sign or empty value
        [{ limit: '0x10' }, 'limit'],
        [{ limit: '1e2' }, 'limit'],
        [{ limit: '+5' }, 'limit'],
        [{ limit: '' }, 'limit'],
        [{ skip: '1.5' }, 'skip'],
        [{ skip: -1 }, 'skip'],
        [{ order: 'sideways' }, 'order'],
        [{ type: 'NOT_A_TYPE' }, 'type'],
      ] as const) {
        const answer = await events(query);
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({
          status: 'error',
          error: { code: 'INVALID_PARAMETERS' },
        });
        const error = answer.body.error;
        expect(isRecord(error) ? error.message : '').toContain(field);
      }
      const denied = await events({}, till);
      expect(denied.status).toBe(403);
      expect(denied.body).toMatchObject({ status: 'error' });
    });
  });
});
