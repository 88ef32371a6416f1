import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk } from '../../src-engine/domain/refusal';
import type { Actor } from '../../src-engine/domain/actor';
import {
  createCampaign,
  createChain,
  createMember,
  createVoucher,
} from '../../src-engine/domain/admin';
import { appliedKeys, basketRequest, item, warningNames } from '../../test-support/engine/baskets';
import {
  call,
  isRecord,
  loginAs,
  type Answer,
  type CallOptions,
  type Session,
} from '../../test-support/engine/client';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';

const T0 = Date.parse('2026-11-23T12:00:00.000Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const iso = (at: number) => new Date(at).toISOString();
const UNKNOWN_UUID = '0b9f3c8e-5d7a-4e21-9c3b-7f1e2d4a6b8c';

interface Created {
  readonly id: number;
  readonly uuid: string;
  readonly codeUuid: string;
  readonly key: string;
  readonly code: string;
}

function expectWllError(answer: Answer, status: number, code: string, message?: RegExp): void {
  expect({ status: answer.status, body: answer.body }).toEqual({
    status,
    body: { status: 'error', error: { code, message: expect.any(String) as unknown } },
  });
  const error = answer.body.error;
  if (message) expect(isRecord(error) ? error.message : undefined).toMatch(message);
}

function dataOf(answer: Answer): Record<string, unknown> {
  expect(answer.status).toBe(200);
  expect(answer.body.status).toBe('success');
  const data = answer.body.data;
  if (!isRecord(data)) throw new Error(`no benefit in ${JSON.stringify(answer.body)}`);
  return data;
}

function idsOf(answer: Answer): string[] {
  expect(answer.status).toBe(200);
  expect(answer.body.status).toBe('success');
  const data = answer.body.data;
  if (!Array.isArray(data)) throw new Error(`no list in ${JSON.stringify(answer.body)}`);
  return data.map((benefit: unknown) =>
    isRecord(benefit) && typeof benefit.id === 'string' ? benefit.id : '?',
  );
}

describeEachDatabase(
  'WLL benefits: redeem_benefit, validate_voucher, GET /benefits',
  (database) => {
    let engine: TestEngine;
    let clock = T0;
    let admin: Session;
    let manager: Session;
    let till: Session;
    let apiKey: string;
    /** The €5.00 reward whose benefits expire an hour after they are created. */
    let fiveEuro: { campaignId: number; uuid: string };
    let serial = 0;
    const nextCode = (prefix: string) => `${prefix}-${String((serial += 1))}`;

    beforeAll(async () => {
      engine = await startTestEngine(database, { demo: true, now: () => clock });
      admin = await loginAs(engine.url, 'admin', 'demo-admin');
      manager = await loginAs(engine.url, 'manager-s001', 'demo-manager');
      till = await loginAs(engine.url, 'till-s001-01', 'demo-till');
      const key = await call(engine.url, '/admin/api-keys', {
        json: { label: 'member app backend' },
        session: admin,
      });
      const results = key.body.results;
      if (!isRecord(results) || typeof results.api_key !== 'string')
        throw new Error(`no API key in ${JSON.stringify(key.body)}`);
      apiKey = results.api_key;
      fiveEuro = await newReward({
        title: '€5.00 off',
        voucher_type: 'basket',
        amount: 5,
        expiry_seconds: 3600,
      });
    });
    afterAll(async () => engine.close());

    async function newReward(fields: Record<string, unknown>) {
      const answer = await call(engine.url, '/admin/campaigns', { json: fields, session: admin });
      const results = answer.body.results;
      if (!isRecord(results) || typeof results.campaign_id !== 'number')
        throw new Error(`campaign not created: ${JSON.stringify(answer.body)}`);
      const row = await engine.db.kysely
        .selectFrom('campaigns')
        .select('uuid')
        .where('id', '=', results.campaign_id)
        .executeTakeFirstOrThrow();
      return { campaignId: results.campaign_id, uuid: row.uuid };
    }

    /** A benefit as purchase_reward leaves it: not redeemed, of member 1000001 unless told otherwise. */
    async function newBenefit(
      options: {
        campaignId?: number;
        member?: string | null;
        code?: string;
        expiresAt?: string | null;
      } = {},
    ): Promise<Created> {
      const code = options.code ?? nextCode('WLL');
      const answer = await call(engine.url, '/admin/vouchers', {
        json: {
          campaign_id: options.campaignId ?? fiveEuro.campaignId,
          member_number: options.member === undefined ? '1000001' : options.member,
          code,
          claimed: false,
          ...(options.expiresAt === undefined ? {} : { expires_at: options.expiresAt }),
        },
        session: admin,
      });
      expect(answer.status).toBe(200);
      const row = await engine.db.kysely
        .selectFrom('vouchers')
        .select(['id', 'uuid', 'code_uuid', 'voucher_key'])
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      return { id: row.id, uuid: row.uuid, codeUuid: row.code_uuid, key: row.voucher_key, code };
    }

    const redeem = (json: unknown, options: CallOptions = { session: admin }) =>
      call(engine.url, '/commands/redeem_benefit', { ...options, json });
    const validate = (json: unknown, session: Session = till) =>
      call(engine.url, '/commands/validate_voucher', { json, session });
    const getBenefit = (id: string, session: Session = manager) =>
      call(engine.url, `/benefits/${id}`, { session });
    const list = (query: Record<string, string | number>, session: Session = manager) =>
      call(engine.url, '/benefits', { query, session });

    const voucherRow = (id: number) =>
      engine.db.kysely
        .selectFrom('vouchers')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    const auditOf = async (voucherId: number) =>
      (
        await engine.db.kysely
          .selectFrom('audit_log')
          .select('action')
          .where('voucher_id', '=', voucherId)
          .orderBy('id')
          .execute()
      ).map((row) => row.action);

    /** The events the transitions of a voucher reported, in order. */
    const eventsOf = async (voucherId: number) =>
      (
        await engine.db.kysely
          .selectFrom('events')
          .select(['type', 'reported_at'])
          .where('voucher_id', '=', voucherId)
          .orderBy('id')
          .execute()
      ).map((row) => `${row.type} ${iso(row.reported_at)}`);

    /** A benefit made ready for validation: created and redeemed now. */
    async function redeemedBenefit(options: Parameters<typeof newBenefit>[0] = {}) {
      const benefit = await newBenefit(options);
      dataOf(await redeem({ benefitId: benefit.uuid }));
      return benefit;
    }

    describe('a benefit through its life', () => {
      it('created → redeemed → validated (allowFutureValidation) → burned, in the reference shape with exact times', async () => {
        clock = T0;
        const benefit = await newBenefit({ code: 'LIFE-1' });
        const reward = {
          id: fiveEuro.uuid,
          name: '€5.00 off',
          type: 'VOUCHER',
          codeType: null,
          hideCode: false,
          purchaseExpiration: 3600,
          currency: 'EUR',
          discounts: [{ type: 'ABSOLUTE', value: 500 }],
          details: { voucherType: 'basket' },
        };
        const created = {
          id: benefit.uuid,
          type: 'VOUCHER',
          createdAt: '2026-11-23T12:00:00.000Z',
          redeemedAt: null,
          expiresAt: '2026-11-23T13:00:00.000Z',
          burnedAt: null,
          reward,
          owner: { id: '1000001' },
          code: {
            id: benefit.codeUuid,
            createdAt: '2026-11-23T12:00:00.000Z',
            updatedAt: '2026-11-23T12:00:00.000Z',
            redeemedAt: null,
            validatedAt: null,
            value: null,
          },
        };
        expect(dataOf(await getBenefit(benefit.uuid))).toEqual(created);
        expect(
          idsOf(await list({ rewardId: fiveEuro.uuid, code: 'LIFE-1', state: 'CREATED' })),
        ).toEqual([benefit.uuid]);

        clock = T0 + MINUTE + 123;
        const redeemed = {
          ...created,
          redeemedAt: '2026-11-23T12:01:00.123Z',
          code: {
            ...created.code,
            updatedAt: '2026-11-23T12:01:00.123Z',
            redeemedAt: '2026-11-23T12:01:00.123Z',
            value: 'LIFE-1',
          },
        };
        expect(dataOf(await redeem({ benefitId: benefit.uuid }))).toEqual(redeemed);
        expect(dataOf(await getBenefit(benefit.uuid))).toEqual(redeemed);

        clock = T0 + 2 * MINUTE + 456;
        const validated = {
          ...redeemed,
          code: {
            ...redeemed.code,
            updatedAt: '2026-11-23T12:02:00.456Z',
            validatedAt: '2026-11-23T12:02:00.456Z',
          },
        };
        expect(dataOf(await validate({ code: 'LIFE-1', allowFutureValidation: true }))).toEqual(
          validated,
        );
        expect(dataOf(await getBenefit(benefit.uuid))).toEqual(validated);
        expect(idsOf(await list({ code: 'LIFE-1', state: 'VALIDATED' }))).toEqual([benefit.uuid]);

        clock = T0 + 3 * MINUTE + 789;
        // the first validation time stays; burnedAt sits on the benefit, not on its code
        const burned = { ...validated, burnedAt: '2026-11-23T12:03:00.789Z' };
        expect(dataOf(await validate({ code: 'LIFE-1' }))).toEqual(burned);
        expect(dataOf(await getBenefit(benefit.uuid))).toEqual(burned);
        expect(idsOf(await list({ code: 'LIFE-1', state: 'BURNED' }))).toEqual([benefit.uuid]);

        // past expiry a burned benefit stays burned
        clock = T0 + 2 * HOUR;
        expect(dataOf(await getBenefit(benefit.uuid))).toEqual(burned);
        expect(await auditOf(benefit.id)).toEqual(['create', 'claim', 'validate', 'burn']);
        expect(await eventsOf(benefit.id)).toEqual([
          'VOUCHER_GIVEN 2026-11-23T12:00:00.000Z',
          'REDEEMED_VOUCHER 2026-11-23T12:01:00.123Z',
          'VOUCHER_VALIDATED 2026-11-23T12:02:00.456Z',
          'BURNED_VOUCHER 2026-11-23T12:03:00.789Z',
        ]);
        expect(await voucherRow(benefit.id)).toMatchObject({
          claimed_at: T0 + MINUTE + 123,
          validated_at: T0 + 2 * MINUTE + 456,
          burned_at: T0 + 3 * MINUTE + 789,
          amount_original: 500,
          amount: 0,
          amount_redeemed: 500,
        });
      });

      it('created → expired: state EXPIRED from expiresAt on, and it can be neither redeemed nor validated', async () => {
        clock = T0;
        const benefit = await newBenefit({ code: 'LIFE-2' });
        const created = dataOf(await getBenefit(benefit.uuid));
        expect(created).toMatchObject({
          createdAt: '2026-11-23T12:00:00.000Z',
          expiresAt: '2026-11-23T13:00:00.000Z',
          redeemedAt: null,
          burnedAt: null,
          code: { validatedAt: null, value: null },
        });
        clock = T0 + HOUR - 1;
        expect(idsOf(await list({ code: 'LIFE-2', state: 'CREATED' }))).toEqual([benefit.uuid]);
        clock = T0 + HOUR;
        expect(idsOf(await list({ code: 'LIFE-2', state: 'CREATED' }))).toEqual([]);
        expect(idsOf(await list({ code: 'LIFE-2', state: 'EXPIRED' }))).toEqual([benefit.uuid]);
        // the JSON has no status field: it is the same, only the time moved past expiresAt
        expect(dataOf(await getBenefit(benefit.uuid))).toEqual(created);
        expectWllError(
          await redeem({ benefitId: benefit.uuid }),
          409,
          'VOUCHER_EXPIRED',
          /expired at 2026-11-23T13:00:00.000Z/,
        );
        expectWllError(await validate({ code: 'LIFE-2' }), 409, 'VOUCHER_EXPIRED');
        expect(await voucherRow(benefit.id)).toMatchObject({
          claimed_at: null,
          validated_at: null,
          burned_at: null,
        });
        expect(await auditOf(benefit.id)).toEqual(['create']);
      });
    });

    describe('POST /commands/redeem_benefit', () => {
      it('answers the benefit with its code revealed; an API key (X-Api-Key) may call it', async () => {
        clock = T0 + 10 * MINUTE;
        const benefit = await newBenefit();
        const answer = await redeem(
          { benefitId: benefit.uuid.toUpperCase(), position: { longitude: 4.9, latitude: 52.37 } },
          { headers: { 'x-api-key': apiKey } },
        );
        expect(dataOf(answer)).toMatchObject({
          id: benefit.uuid,
          redeemedAt: iso(clock),
          code: { redeemedAt: iso(clock), value: benefit.code },
        });
        expect(await auditOf(benefit.id)).toEqual(['create', 'claim']);
      });

      it('refuses bad input, naming the field, and changes nothing', async () => {
        for (const body of [{}, { benefitId: 'not-a-uuid' }, { benefitId: 42 }])
          expectWllError(await redeem(body), 400, 'INVALID_PARAMETERS', /benefitId/);
        const benefit = await newBenefit();
        expectWllError(
          await redeem({ benefitId: benefit.uuid, position: { longitude: 4.9, latitude: 91 } }),
          400,
          'INVALID_PARAMETERS',
          /position\.latitude/,
        );
        expectWllError(
          await redeem({ benefitId: benefit.uuid, position: { longitude: -181, latitude: 0 } }),
          400,
          'INVALID_PARAMETERS',
          /position\.longitude/,
        );
        expect(await voucherRow(benefit.id)).toMatchObject({ claimed_at: null });
      });

      it('unknown, deleted or another chain’s benefit → BENEFIT_NOT_FOUND', async () => {
        expectWllError(await redeem({ benefitId: UNKNOWN_UUID }), 404, 'BENEFIT_NOT_FOUND');
        const deleted = await newBenefit();
        await engine.db.kysely
          .updateTable('vouchers')
          .set({ deleted_at: clock })
          .where('id', '=', deleted.id)
          .execute();
        expectWllError(await redeem({ benefitId: deleted.uuid }), 404, 'BENEFIT_NOT_FOUND');
        const other = await otherChainBenefit();
        expectWllError(await redeem({ benefitId: other }), 404, 'BENEFIT_NOT_FOUND');
      });

      it('twice → BENEFIT_ALREADY_REDEEMED; burned → VOUCHER_ALREADY_BURNED', async () => {
        const benefit = await redeemedBenefit();
        expectWllError(
          await redeem({ benefitId: benefit.uuid }),
          409,
          'BENEFIT_ALREADY_REDEEMED',
          /already redeemed at/,
        );
        dataOf(await validate({ code: benefit.code }));
        expectWllError(await redeem({ benefitId: benefit.uuid }), 409, 'VOUCHER_ALREADY_BURNED');
      });

      it('20 concurrent redeems of one benefit: one succeeds, 19 BENEFIT_ALREADY_REDEEMED', async () => {
        const benefit = await newBenefit();
        const answers = await Promise.all(
          Array.from({ length: 20 }, () => redeem({ benefitId: benefit.uuid })),
        );
        expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
        for (const answer of answers.filter((a) => a.status !== 200))
          expectWllError(answer, 409, 'BENEFIT_ALREADY_REDEEMED');
        expect(await auditOf(benefit.id)).toEqual(['create', 'claim']);
      });
    });

    describe('POST /commands/validate_voucher', () => {
      it('burns by default and answers the benefit with the reward’s discounts; the code is trimmed', async () => {
        clock = T0 + 20 * MINUTE;
        const benefit = await redeemedBenefit();
        const answer = await validate({ code: `  ${benefit.code} ` });
        expect(dataOf(answer)).toMatchObject({
          id: benefit.uuid,
          burnedAt: iso(clock),
          reward: { discounts: [{ type: 'ABSOLUTE', value: 500 }] },
          code: { validatedAt: iso(clock), value: benefit.code },
        });
        expect(await auditOf(benefit.id)).toEqual(['create', 'claim', 'validate', 'burn']);
      });

      it('refuses bad input naming the field: code missing, empty or blank; an unknown venue', async () => {
        for (const body of [{}, { code: '' }, { code: '   ' }, { code: 7 }])
          expectWllError(await validate(body), 400, 'INVALID_PARAMETERS', /^code:/);
        expectWllError(
          await validate({ code: 'X', allowFutureValidation: 'yes' }),
          400,
          'INVALID_PARAMETERS',
          /allowFutureValidation/,
        );
        const benefit = await redeemedBenefit();
        expectWllError(
          await validate({ code: benefit.code, venueIdentifier: 'S999' }),
          400,
          'INVALID_PARAMETERS',
          /venueIdentifier: no store S999/,
        );
        expectWllError(
          await validate({ code: benefit.code, position: { latitude: 52 } }),
          400,
          'INVALID_PARAMETERS',
          /position\.longitude/,
        );
        expect(await voucherRow(benefit.id)).toMatchObject({ validated_at: null, burned_at: null });
      });

      it('records the venue a code was validated at', async () => {
        const benefit = await redeemedBenefit();
        dataOf(await validate({ code: benefit.code, venueIdentifier: 'S001' }));
        const reasons = await engine.db.kysely
          .selectFrom('audit_log')
          .select(['action', 'reason'])
          .where('voucher_id', '=', benefit.id)
          .where('action', 'in', ['validate', 'burn'])
          .orderBy('id')
          .execute();
        expect(reasons).toEqual([
          { action: 'validate', reason: 'venue S001' },
          { action: 'burn', reason: 'venue S001' },
        ]);
      });

      it('unknown code or another chain’s code → VOUCHER_NOT_FOUND (404)', async () => {
        expectWllError(
          await validate({ code: 'NO-SUCH-CODE' }),
          404,
          'VOUCHER_NOT_FOUND',
          /NO-SUCH-CODE/,
        );
        await otherChainBenefit();
        expectWllError(await validate({ code: 'OTHER-CHAIN-1' }), 404, 'VOUCHER_NOT_FOUND');
      });

      it('not redeemed → VOUCHER_NOT_REDEEMED, with or without allowFutureValidation', async () => {
        const benefit = await newBenefit();
        expectWllError(await validate({ code: benefit.code }), 409, 'VOUCHER_NOT_REDEEMED');
        expectWllError(
          await validate({ code: benefit.code, allowFutureValidation: true }),
          409,
          'VOUCHER_NOT_REDEEMED',
        );
        expect(await auditOf(benefit.id)).toEqual(['create']);
      });

      it('another member’s benefit → VOUCHER_OWNER_MISMATCH (403); the owner’s own passes', async () => {
        const benefit = await redeemedBenefit({ member: '1000002' });
        expectWllError(
          await validate({ code: benefit.code, userIdentifier: '1000001' }),
          403,
          'VOUCHER_OWNER_MISMATCH',
        );
        expect(await voucherRow(benefit.id)).toMatchObject({ burned_at: null });
        dataOf(await validate({ code: benefit.code, userIdentifier: '1000002' }));
      });

      it('burned → VOUCHER_ALREADY_BURNED, also with allowFutureValidation', async () => {
        const benefit = await redeemedBenefit();
        const burnedAt = clock;
        dataOf(await validate({ code: benefit.code }));
        clock += MINUTE;
        expectWllError(
          await validate({ code: benefit.code }),
          409,
          'VOUCHER_ALREADY_BURNED',
          new RegExp(`burned at ${iso(burnedAt)}`),
        );
        expectWllError(
          await validate({ code: benefit.code, allowFutureValidation: true }),
          409,
          'VOUCHER_ALREADY_BURNED',
        );
        expect(await voucherRow(benefit.id)).toMatchObject({ burned_at: burnedAt });
      });

      it('redeemed but past expiry → VOUCHER_EXPIRED, though the benefit still reads REDEEMED', async () => {
        clock = T0 + 30 * MINUTE;
        const benefit = await redeemedBenefit();
        clock += HOUR;
        expectWllError(await validate({ code: benefit.code }), 409, 'VOUCHER_EXPIRED');
        expectWllError(
          await validate({ code: benefit.code, allowFutureValidation: true }),
          409,
          'VOUCHER_EXPIRED',
        );
        expect(dataOf(await getBenefit(benefit.uuid))).toMatchObject({
          redeemedAt: iso(T0 + 30 * MINUTE),
          burnedAt: null,
        });
        expect(idsOf(await list({ code: benefit.code, state: 'REDEEMED' }))).toEqual([
          benefit.uuid,
        ]);
      });

      it('held by a till’s sale → VOUCHER_LOCKED naming until when; validating without burning still works; after the lock, the burn', async () => {
        clock = T0 + 40 * MINUTE;
        const benefit = await redeemedBenefit();
        const locked = await call(engine.url, '/lock-voucher', {
          method: 'PUT',
          session: till,
          form: { voucher_key: benefit.key, retailer_basket_code: 'S001-01-WLL-LOCK' },
        });
        expect(locked.status).toBe(200);
        const until = iso(clock + 5 * MINUTE);
        expectWllError(
          await validate({ code: benefit.code }),
          409,
          'VOUCHER_LOCKED',
          new RegExp(`until ${until}`),
        );
        expect(await voucherRow(benefit.id)).toMatchObject({ validated_at: null, burned_at: null });
        dataOf(await validate({ code: benefit.code, allowFutureValidation: true }));
        clock += 5 * MINUTE;
        expect(dataOf(await validate({ code: benefit.code }))).toMatchObject({
          burnedAt: iso(clock),
          code: { validatedAt: iso(T0 + 40 * MINUTE) },
        });
        expect(await voucherRow(benefit.id)).toMatchObject({
          lock_until: null,
          lock_basket_code: null,
        });
      });

      it('allowFutureValidation keeps the first validation time; a repeat succeeds without change or audit', async () => {
        clock = T0 + 50 * MINUTE;
        const benefit = await redeemedBenefit();
        const first = dataOf(await validate({ code: benefit.code, allowFutureValidation: true }));
        clock += MINUTE;
        expect(dataOf(await validate({ code: benefit.code, allowFutureValidation: true }))).toEqual(
          first,
        );
        expect(first).toMatchObject({
          burnedAt: null,
          code: { validatedAt: iso(T0 + 50 * MINUTE) },
        });
        expect(await auditOf(benefit.id)).toEqual(['create', 'claim', 'validate']);
        clock += MINUTE;
        expect(dataOf(await validate({ code: benefit.code }))).toMatchObject({
          burnedAt: iso(clock),
          code: { validatedAt: iso(T0 + 50 * MINUTE) },
        });
        expect(await auditOf(benefit.id)).toEqual(['create', 'claim', 'validate', 'burn']);
      });

      it('a shared code (static or pool) finds the presenter’s benefit, one still to burn first', async () => {
        clock = T0 + HOUR;
        const reward = await newReward({
          title: 'Free coffee (static code)',
          voucher_type: 'honour',
          honour_code: 'FREE-COFFEE',
        });
        const anna1 = await redeemedBenefit({ campaignId: reward.campaignId });
        const anna2 = await redeemedBenefit({ campaignId: reward.campaignId });
        const bram = await redeemedBenefit({ campaignId: reward.campaignId, member: '1000002' });
        // as purchase_reward leaves a STATIC reward's benefits: no own code, the shared one
        await engine.db.kysely
          .updateTable('vouchers')
          .set({ code: null, shared_code: 'COFFEE2026' })
          .where('id', 'in', [anna1.id, anna2.id, bram.id])
          .execute();
        const revBefore = (await voucherRow(bram.id)).rev ?? 0;
        expect(
          dataOf(await validate({ code: 'COFFEE2026', userIdentifier: '1000002' })),
        ).toMatchObject({ id: bram.uuid, burnedAt: iso(clock), code: { value: 'COFFEE2026' } });
        // an honour voucher's burn enters the change feed the tills mirror
        expect((await voucherRow(bram.id)).rev ?? 0).toBeGreaterThan(revBefore);
        expect(
          dataOf(await validate({ code: 'COFFEE2026', userIdentifier: '1000001' })),
        ).toMatchObject({ id: anna1.uuid });
        expect(dataOf(await validate({ code: 'COFFEE2026' }))).toMatchObject({ id: anna2.uuid });
        expectWllError(await validate({ code: 'COFFEE2026' }), 409, 'VOUCHER_ALREADY_BURNED');
        expectWllError(
          await validate({ code: 'COFFEE2026', userIdentifier: '9999999' }),
          403,
          'VOUCHER_OWNER_MISMATCH',
        );
      });

      it('50 concurrent validations of one code: exactly one burn, 49 VOUCHER_ALREADY_BURNED', async () => {
        clock = T0 + 70 * MINUTE;
        const benefit = await redeemedBenefit();
        const answers = await Promise.all(
          Array.from({ length: 50 }, () => validate({ code: benefit.code })),
        );
        const burned = answers.filter((a) => a.status === 200);
        expect(burned).toHaveLength(1);
        for (const answer of answers.filter((a) => a.status !== 200))
          expectWllError(answer, 409, 'VOUCHER_ALREADY_BURNED');
        expect(await voucherRow(benefit.id)).toMatchObject({
          burned_at: clock,
          validated_at: clock,
        });
        expect(await auditOf(benefit.id)).toEqual(['create', 'claim', 'validate', 'burn']);
        expect((await eventsOf(benefit.id)).map((event) => event.split(' ')[0])).toEqual([
          'VOUCHER_GIVEN',
          'REDEEMED_VOUCHER',
          'VOUCHER_VALIDATED',
          'BURNED_VOUCHER',
        ]);
      });

      it('validated with allowFutureValidation, then redeemed in a basket (get-basket-price, add-basket)', async () => {
        clock = T0 + 80 * MINUTE;
        const member = '3000001';
        const created = await call(engine.url, '/admin/members', {
          json: { member_number: member },
          session: admin,
        });
        expect(created.status).toBe(200);
        const benefit = await redeemedBenefit({ member });
        const validatedAt = clock;
        dataOf(await validate({ code: benefit.code, allowFutureValidation: true }));
        clock += MINUTE;
        const basket = basketRequest('S001-01-WLL-BASKET-1', [item('line_1', 20)], { member });
        const priced = await call(engine.url, '/auth/get-basket-price', {
          json: basket,
          session: till,
        });
        expect(priced.status).toBe(200);
        expect(appliedKeys(priced.body)).toEqual([benefit.key]);
        expect(priced.body).toMatchObject({ results: { basket: { basket_total_discount: 5 } } });
        // the till confirms the vouchers the engine applied
        const confirmed = basketRequest('S001-01-WLL-BASKET-1', [item('line_1', 20)], {
          member,
          vouchers: [{ voucher_key: benefit.key }],
        });
        const added = await call(engine.url, '/auth/add-basket', {
          json: confirmed,
          session: till,
        });
        expect(added.status).toBe(200);
        expect(added.body).toMatchObject({
          results: { vouchers_redeemed: [{ voucher_key: benefit.key }] },
        });
        expect(dataOf(await getBenefit(benefit.uuid))).toMatchObject({
          burnedAt: iso(clock),
          reward: { discounts: [{ type: 'ABSOLUTE', value: 500 }] },
          code: { validatedAt: iso(validatedAt) },
        });
        expectWllError(await validate({ code: benefit.code }), 409, 'VOUCHER_ALREADY_BURNED');
      });
    });

    describe('GET /benefits and GET /benefits/:id', () => {
      const TL = T0 + 2 * HOUR;
      let reward: { campaignId: number; uuid: string };
      /** In creation order: created, redeemed, validated, burned, expired, redeemed-past-expiry. */
      const b: Created[] = [];

      beforeAll(async () => {
        reward = await newReward({
          title: '10 % off',
          voucher_type: 'basket_pct',
          discount_ratio: 0.1,
        });
        const expiring = iso(TL + 30 * MINUTE);
        const plan: [string, string | null][] = [
          ['1000001', null],
          ['1000002', null],
          ['1000001', null],
          ['1000002', null],
          ['1000001', expiring],
          ['1000002', expiring],
        ];
        for (const [index, [member, expiresAt]] of plan.entries()) {
          // the last two share one creation instant: ties go by id
          clock = TL + Math.min(index, 4) * SECOND;
          b.push(await newBenefit({ campaignId: reward.campaignId, member, expiresAt }));
        }
        clock = TL + 10 * SECOND;
        for (const benefit of [b[1], b[2], b[3], b[5]])
          if (benefit) dataOf(await redeem({ benefitId: benefit.uuid }));
        if (!b[2] || !b[3]) throw new Error('benefits missing');
        dataOf(await validate({ code: b[2].code, allowFutureValidation: true }));
        dataOf(await validate({ code: b[3].code }));
        clock = TL + HOUR;
      });

      const uuids = (...indexes: number[]) => indexes.map((index) => b[index]?.uuid);
      const ofReward = (query: Record<string, string | number> = {}) =>
        list({ rewardId: reward.uuid, ...query });

      it('lists newest first by default, ties by id; order=ASC the other way', async () => {
        expect(idsOf(await ofReward())).toEqual(uuids(5, 4, 3, 2, 1, 0));
        expect(idsOf(await ofReward({ order: 'ASC' }))).toEqual(uuids(0, 1, 2, 3, 4, 5));
        expect(idsOf(await ofReward({ order: 'desc' }))).toEqual(uuids(5, 4, 3, 2, 1, 0));
      });

      it('filters by state in SQL, as the JSON reads: a redeemed benefit past expiry stays REDEEMED', async () => {
        expect(idsOf(await ofReward({ state: 'CREATED' }))).toEqual(uuids(0));
        expect(idsOf(await ofReward({ state: 'REDEEMED' }))).toEqual(uuids(5, 1));
        expect(idsOf(await ofReward({ state: 'VALIDATED' }))).toEqual(uuids(2));
        expect(idsOf(await ofReward({ state: 'BURNED' }))).toEqual(uuids(3));
        expect(idsOf(await ofReward({ state: 'EXPIRED' }))).toEqual(uuids(4));
        expect(idsOf(await ofReward({ state: 'REDEEMED,EXPIRED' }))).toEqual(uuids(5, 4, 1));
        expect(idsOf(await ofReward({ state: 'created, burned' }))).toEqual(uuids(3, 0));
        // the filter applies before the page is cut
        expect(idsOf(await ofReward({ state: 'REDEEMED', limit: 1, skip: 1 }))).toEqual(uuids(1));
        const expired = await ofReward({ state: 'EXPIRED' });
        expect(expired.body.data).toEqual([
          expect.objectContaining({
            redeemedAt: null,
            expiresAt: iso(TL + 30 * MINUTE),
            reward: expect.objectContaining({
              id: reward.uuid,
              discounts: [{ type: 'PERCENTAGE', value: 10 }],
            }) as unknown,
          }),
        ]);
      });

      it('pages with limit and skip', async () => {
        expect(idsOf(await ofReward({ limit: 2 }))).toEqual(uuids(5, 4));
        expect(idsOf(await ofReward({ limit: 2, skip: 1 }))).toEqual(uuids(4, 3));
        expect(idsOf(await ofReward({ limit: 2, skip: 4 }))).toEqual(uuids(1, 0));
        expect(idsOf(await ofReward({ skip: 6 }))).toEqual([]);
        const all = idsOf(await list({ limit: 1000 }));
        expect(all.length).toBeGreaterThan(6);
        expect(idsOf(await list({}))).toHaveLength(Math.min(all.length, 100));
      });

      it('filters by owner, rewardId and code', async () => {
        expect(idsOf(await ofReward({ owner: '1000002' }))).toEqual(uuids(5, 3, 1));
        expect(idsOf(await ofReward({ owner: '1000002', state: 'REDEEMED' }))).toEqual(uuids(5, 1));
        expect(idsOf(await ofReward({ owner: '9999999' }))).toEqual([]);
        expect(idsOf(await list({ rewardId: UNKNOWN_UUID }))).toEqual([]);
        expect(idsOf(await list({ code: b[2]?.code ?? '' }))).toEqual(uuids(2));
      });

      it('refuses bad parameters, naming each', async () => {
        const bad: [Record<string, string | number>, RegExp][] = [
          [{ state: 'USED' }, /^state: "USED" is not a state/],
          [{ state: 'CREATED,' }, /^state:/],
          [{ limit: 0 }, /^limit: must be at least 1/],
          [{ limit: 1001 }, /^limit: must be at most 1000/],
          [{ limit: 'ten' }, /^limit:/],
          // digits only: no hexadecimal, exponent, sign or empty value
          [{ limit: '0x10' }, /^limit: must be a whole number/],
          [{ limit: '1e2' }, /^limit: must be a whole number/],
          [{ limit: '' }, /^limit: must be a whole number/],
          [{ skip: '+1' }, /^skip: must be a whole number/],
          [{ skip: -1 }, /^skip:/],
          [{ order: 'NEWEST' }, /^order: must be ASC or DESC/],
          [{ rewardId: 'reward-1' }, /^rewardId: must be a UUID/],
          [{ owner: '' }, /^owner:/],
        ];
        for (const [query, message] of bad)
          expectWllError(await list(query), 400, 'INVALID_PARAMETERS', message);
      });

      it('GET /benefits/:id: the benefit; unknown → BENEFIT_NOT_FOUND; malformed → INVALID_PARAMETERS', async () => {
        expect(dataOf(await getBenefit(b[1]?.uuid ?? ''))).toMatchObject({
          id: b[1]?.uuid,
          owner: { id: '1000002' },
        });
        expectWllError(await getBenefit(UNKNOWN_UUID), 404, 'BENEFIT_NOT_FOUND');
        expectWllError(await getBenefit('42'), 400, 'INVALID_PARAMETERS', /^id: must be a UUID/);
        expectWllError(await getBenefit(await otherChainBenefit()), 404, 'BENEFIT_NOT_FOUND');
      });
    });

    describe('reward benefits on the Spaaza face and at the till', () => {
      let members = 0;
      async function newMember(): Promise<string> {
        const number = `4${String((members += 1)).padStart(6, '0')}`;
        const created = await call(engine.url, '/admin/members', {
          json: { member_number: number },
          session: admin,
        });
        expect(created.status).toBe(200);
        return number;
      }

      async function purchase(rewardId: string, member: string) {
        const answer = await call(engine.url, '/commands/purchase_reward', {
          json: { rewardId, beneficiaryId: member },
          bearer: apiKey,
        });
        expect(answer.status).toBe(201);
        const data = answer.body.data;
        if (!isRecord(data) || typeof data.id !== 'string')
          throw new Error(`no benefit in ${JSON.stringify(answer.body)}`);
        const row = await engine.db.kysely
          .selectFrom('vouchers')
          .select(['id', 'voucher_key'])
          .where('uuid', '=', data.id)
          .executeTakeFirstOrThrow();
        return { uuid: data.id, key: row.voucher_key, id: row.id };
      }

      const resultsOf = (answer: Answer): Record<string, unknown> => {
        expect(answer.status).toBe(200);
        return isRecord(answer.body.results) ? answer.body.results : {};
      };
      const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

      /** `voucher_code` of one voucher in each Spaaza listing of its owner; 'not listed' where it is absent. */
      async function spaazaCodes(key: string, member: string) {
        const codeIn = (vouchers: unknown[]) => {
          const entry = vouchers.find(
            (voucher) => isRecord(voucher) && voucher.voucher_key === key,
          );
          return isRecord(entry) ? entry.voucher_code : 'not listed';
        };
        const query = { member_number: member };
        const user = resultsOf(
          await call(engine.url, '/get-user-vouchers', { query, session: till }),
        );
        const card = resultsOf(await call(engine.url, '/get-card', { query, session: till }));
        const chain = resultsOf(
          await call(engine.url, '/get-vouchers', {
            query: { ...query, chain_id: 1 },
            session: manager,
          }),
        );
        return {
          userVouchers: codeIn([...listOf(user.basket_vouchers), ...listOf(user.honour_vouchers)]),
          card: codeIn(listOf(card.vouchers)),
          vouchers: codeIn(listOf(chain.vouchers)),
        };
      }

      it('get-user-vouchers, get-card and get-vouchers show a reward’s code only once redeemed, and never a hidden one', async () => {
        clock = T0 + 3 * HOUR;
        const member = await newMember();
        const otp = await newReward({
          title: 'OTP €2',
          voucher_type: 'basket',
          amount: 2,
          code_type: 'OTP',
        });
        const bought = await purchase(otp.uuid, member);
        expect(await spaazaCodes(bought.key, member)).toEqual({
          userVouchers: null,
          card: 'not listed',
          vouchers: null,
        });
        const revealed = dataOf(await redeem({ benefitId: bought.uuid }));
        const code = isRecord(revealed.code) ? revealed.code.value : undefined;
        expect(code).toEqual(expect.any(String));
        expect(await spaazaCodes(bought.key, member)).toEqual({
          userVouchers: code,
          card: code,
          vouchers: code,
        });

        const hidden = await newReward({
          title: 'Hidden 5 %',
          voucher_type: 'basket_pct',
          discount_ratio: 0.05,
          code_type: 'STATIC',
          static_code: 'HIDDEN-SHARED-5',
          hide_code: true,
        });
        const secret = await purchase(hidden.uuid, member);
        expect(await spaazaCodes(secret.key, member)).toMatchObject({ userVouchers: null });
        dataOf(await redeem({ benefitId: secret.uuid }));
        expect(await spaazaCodes(secret.key, member)).toEqual({
          userVouchers: null,
          card: null,
          vouchers: null,
        });
        // a Spaaza-side voucher (its campaign sells no reward) shows its code, claimed or not
        const plain = await newBenefit({ member, code: 'PLAIN-UNCLAIMED-1' });
        expect(await spaazaCodes(plain.key, member)).toEqual({
          userVouchers: 'PLAIN-UNCLAIMED-1',
          card: 'not listed',
          vouchers: 'PLAIN-UNCLAIMED-1',
        });
      });

      it('a till scanning a STATIC reward’s code gets the basket member’s benefit; without a member, only an unambiguous one', async () => {
        clock = T0 + 4 * HOUR;
        const anna = await newMember();
        const bram = await newMember();
        const summer = await newReward({
          title: 'Summer 15 %',
          voucher_type: 'basket_pct',
          discount_ratio: 0.15,
          code_type: 'STATIC',
          static_code: 'SUMMER-SHARED-15',
        });
        const annas = await purchase(summer.uuid, anna);
        dataOf(await redeem({ benefitId: annas.uuid }));
        const scanned = [{ voucher_code: 'SUMMER-SHARED-15' }];
        const price = (code: string, member: string | null) =>
          call(engine.url, '/auth/get-basket-price', {
            json: basketRequest(code, [item('line_1', 20)], { member, vouchers: scanned }),
            session: till,
          });

        const priced = await price('S001-01-SHARED-1', anna);
        expect(priced.status).toBe(200);
        expect(appliedKeys(priced.body)).toEqual([annas.key]);
        expect(warningNames(priced.body)).toEqual([]);

        // only Anna holds the code: it names her benefit, which an anonymous basket may not use
        const anonymous = await price('S001-01-SHARED-2', null);
        expect(warningNames(anonymous.body)).toEqual(['voucher_wrong_owner']);

        // once Bram holds it too, an anonymous basket cannot tell whose it is
        const brams = await purchase(summer.uuid, bram);
        dataOf(await redeem({ benefitId: brams.uuid }));
        const ambiguous = await price('S001-01-SHARED-3', null);
        expect(warningNames(ambiguous.body)).toEqual(['voucher_not_found']);

        // add-basket applies only the vouchers the basket names: the scanned code burns Anna's
        const added = await call(engine.url, '/auth/add-basket', {
          // charged 17.00 of the 20.00 shelf price: the 15 % the pricing gave
          json: basketRequest(
            'S001-01-SHARED-1',
            [item('line_1', 17, 1, { item_original_price: 20 })],
            { member: anna, vouchers: scanned },
          ),
          session: till,
        });
        expect(added.status).toBe(200);
        expect(warningNames(added.body)).toEqual([]);
        expect(added.body).toMatchObject({
          results: {
            basket: { basket_total_discount: 3 },
            vouchers_redeemed: [{ voucher_key: annas.key, voucher_code: 'SUMMER-SHARED-15' }],
          },
        });
        expect(dataOf(await getBenefit(annas.uuid))).toMatchObject({ burnedAt: iso(clock) });
        expect(dataOf(await getBenefit(brams.uuid))).toMatchObject({ burnedAt: null });
      });
    });

    describe('roles', () => {
      it('a till validates, but may neither list, read nor redeem; a manager may not redeem; strangers get 401', async () => {
        clock = T0 + 3 * HOUR;
        const benefit = await newBenefit();
        for (const answer of [
          await list({}, till),
          await getBenefit(benefit.uuid, till),
          await redeem({ benefitId: benefit.uuid }, { session: till }),
          await redeem({ benefitId: benefit.uuid }, { session: manager }),
        ])
          expectWllError(answer, 403, 'PERMISSION_DENIED_OR_NON_EXISTENT');
        expectWllError(await call(engine.url, '/benefits'), 401, 'NO_VALID_SESSION');
        expectWllError(
          await call(engine.url, '/commands/validate_voucher', { json: { code: benefit.code } }),
          401,
          'NO_VALID_SESSION',
        );
        expectWllError(
          await redeem({ benefitId: benefit.uuid }, { headers: { 'x-api-key': 'wrong' } }),
          401,
          'NO_VALID_SESSION',
        );
        expect(await voucherRow(benefit.id)).toMatchObject({ claimed_at: null });
        dataOf(await redeem({ benefitId: benefit.uuid }));
        dataOf(await validate({ code: benefit.code }, till));
        dataOf(await getBenefit(benefit.uuid, manager));
      });
    });

    let otherChain: string | null = null;
    /** A redeemed benefit (code OTHER-CHAIN-1) of a second chain; its uuid. */
    async function otherChainBenefit(): Promise<string> {
      if (otherChain !== null) return otherChain;
      const db = engine.db.kysely;
      const chainId = await createChain(
        db,
        { name: 'Other Retail', currency: 'EUR', timezone: 'Europe/Amsterdam' },
        clock,
      );
      const seed: Actor = { chainId, role: 'privileged', name: 'test-seed', accountId: null };
      expectOk(await createMember(db, { chainId, memberNumber: '1000001' }, clock));
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
          seed,
          { chainId, campaignId, memberNumber: '1000001', code: 'OTHER-CHAIN-1', claimed: true },
          clock,
        ),
      );
      const row = await voucherRow(created.id);
      otherChain = row.uuid;
      return row.uuid;
    }
  },
);
