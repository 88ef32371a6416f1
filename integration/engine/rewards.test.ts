import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src-engine/db/schema';
import { expectOk } from '../../src-engine/domain/refusal';
import { createOperatorKey } from '../../src-engine/domain/api-keys';
import type { Actor } from '../../src-engine/domain/actor';
import { DEMO_POOL_THRESHOLD } from '../../src-engine/domain/demo';
import { codePattern, type CodeDraw } from '../../src-engine/domain/rewards/code-format';
import { purchaseReward } from '../../src-engine/domain/rewards/purchase';
import { insertVoucher } from '../../src-engine/domain/voucher-factory';
import { benefitByVoucherId } from '../../src-engine/repo/benefits';
import { toBenefit } from '../../src-engine/wire/benefit';
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

const NOW = Date.parse('2027-03-01T10:00:00.000Z');
const DAY_SECONDS = 86_400;
const MEMBER = '1000001';

function resultsOf(answer: Answer): Record<string, unknown> {
  const results = answer.body.results;
  if (!isRecord(results)) throw new Error(`no results in ${JSON.stringify(answer.body)}`);
  return results;
}

function dataOf(answer: Answer): Record<string, unknown> {
  expect(answer.body.status).toBe('success');
  const data = answer.body.data;
  if (!isRecord(data)) throw new Error(`no data in ${JSON.stringify(answer.body)}`);
  return data;
}

function expectAdminError(answer: Answer, status: number, name: string, description?: RegExp) {
  expect(answer.status).toBe(status);
  expect(answer.body).toMatchObject({ result: { code: 2, status: 'error' }, error: { name } });
  if (description) expect(JSON.stringify(answer.body.error)).toMatch(description);
}

function expectWllError(answer: Answer, status: number, code: string, message?: RegExp) {
  expect(answer.status).toBe(status);
  expect(answer.body).toMatchObject({ status: 'error', error: { code } });
  if (message) expect(JSON.stringify(answer.body.error)).toMatch(message);
}

/** A promise resolved from outside, to hold a transaction open for as long as a test needs. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  const resolvers: (() => void)[] = [];
  const promise = new Promise<void>((done) => resolvers.push(done));
  return {
    promise,
    resolve: () => {
      for (const done of resolvers) done();
    },
  };
}

/** Every table a purchase or an upload may write to. */
async function rewardTables(db: Kysely<Database>): Promise<unknown> {
  const tables = ['campaigns', 'vouchers', 'reward_pool_codes', 'audit_log', 'events'] as const;
  const rows = await Promise.all(
    tables.map((table) => db.selectFrom(table).selectAll().orderBy('id').execute()),
  );
  return Object.fromEntries(tables.map((table, index) => [table, rows[index]]));
}

describeEachDatabase('rewards: admin, code pools and purchase_reward', (database) => {
  let engine: TestEngine;
  let admin: Session;
  let till: Session;
  let apiKey: string;
  const db = () => engine.db.kysely;

  const createReward = async (fields: Record<string, unknown>) => {
    const answer = await call(engine.url, '/admin/campaigns', { json: fields, session: admin });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return resultsOf(answer);
  };
  const rewardIdOf = (results: Record<string, unknown>): string => String(results.reward_id);
  const campaignIdOf = (results: Record<string, unknown>): number => Number(results.campaign_id);
  const purchase = (json: unknown, auth: { bearer?: string; session?: Session } = {}) =>
    call(engine.url, '/commands/purchase_reward', {
      json,
      ...(auth.session ? { session: auth.session } : { bearer: auth.bearer ?? apiKey }),
    });
  const buy = async (rewardId: string, member = MEMBER) => {
    const answer = await purchase({ rewardId, beneficiaryId: member });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return dataOf(answer);
  };
  const uploadCodes = (campaignId: number, fields: Record<string, unknown>) =>
    call(engine.url, `/admin/campaigns/${campaignId}/codes`, { json: fields, session: admin });
  const voucherOf = (benefitId: unknown) =>
    db()
      .selectFrom('vouchers')
      .selectAll()
      .where('uuid', '=', String(benefitId))
      .executeTakeFirstOrThrow();
  const eventsOf = (type: string, subject?: string) => {
    let query = db().selectFrom('events').selectAll().where('type', '=', type);
    if (subject !== undefined) query = query.where('subject', '=', subject);
    return query.orderBy('id').execute();
  };

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true, now: () => NOW });
    admin = await loginAs(engine.url, 'admin', 'demo-admin');
    till = await loginAs(engine.url, 'till-s001-01', 'demo-till');
    apiKey = await createOperatorKey(db(), 1, 'rewards-test', NOW);
  });
  afterAll(async () => engine.close());

  it('creates a reward of each code type over the admin API, answering its id and code settings', async () => {
    const otp = await createReward({
      title: '€3 off',
      voucher_type: 'basket',
      amount: 3,
      expiry_seconds: 7 * DAY_SECONDS,
      code_type: 'OTP',
      code_template: 'SHOP-{code}-X',
      code_length: 10,
    });
    expect(otp).toMatchObject({
      result_type: 'create-campaign',
      voucher_type: 'basket',
      code_type: 'OTP',
      code_template: 'SHOP-{code}-X',
      code_length: 10,
      static_code: null,
      hide_code: false,
      pool_threshold: null,
    });
    expect(rewardIdOf(otp)).toMatch(/^[0-9a-f-]{36}$/);

    const defaults = await createReward({
      title: 'default format',
      voucher_type: 'basket_pct',
      discount_ratio: 0.2,
      code_type: 'OTP',
    });
    expect(defaults).toMatchObject({ code_template: '{code}', code_length: 8 });

    const staticReward = await createReward({
      title: 'Summer',
      voucher_type: 'honour',
      honour_code: 'SUMMER-GIFT',
      code_type: 'STATIC',
      static_code: ' SUMMER-27 ',
      hide_code: true,
    });
    expect(staticReward).toMatchObject({
      code_type: 'STATIC',
      static_code: 'SUMMER-27',
      hide_code: true,
      code_template: null,
    });

    const pool = await createReward({
      title: 'Partner codes',
      voucher_type: 'honour',
      honour_code: 'PARTNER',
      code_type: 'POOL',
      pool_threshold: 1,
      codes: 'P-1, P-2\nP-3',
    });
    expect(pool).toMatchObject({
      code_type: 'POOL',
      pool_threshold: 1,
      pool: { total: 3, unused: 3, threshold: 1, reward_id: rewardIdOf(pool) },
    });

    const plain = await createReward({ title: 'not a reward', voucher_type: 'basket', amount: 1 });
    expect(plain).toMatchObject({ code_type: null, hide_code: false });

    const rows = await db()
      .selectFrom('campaigns')
      .select([
        'uuid',
        'code_type',
        'code_template',
        'code_length',
        'static_code',
        'hide_code',
        'pool_threshold',
        'pool_low_notified',
      ])
      .where('id', 'in', [otp, staticReward, pool, plain].map(campaignIdOf))
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      {
        uuid: rewardIdOf(otp),
        code_type: 'OTP',
        code_template: 'SHOP-{code}-X',
        code_length: 10,
        static_code: null,
        hide_code: 0,
        pool_threshold: null,
        pool_low_notified: 0,
      },
      {
        uuid: rewardIdOf(staticReward),
        code_type: 'STATIC',
        code_template: null,
        code_length: null,
        static_code: 'SUMMER-27',
        hide_code: 1,
        pool_threshold: null,
        pool_low_notified: 0,
      },
      {
        uuid: rewardIdOf(pool),
        code_type: 'POOL',
        code_template: null,
        code_length: null,
        static_code: null,
        hide_code: 0,
        pool_threshold: 1,
        pool_low_notified: 0,
      },
      {
        uuid: rewardIdOf(plain),
        code_type: null,
        code_template: null,
        code_length: null,
        static_code: null,
        hide_code: 0,
        pool_threshold: null,
        pool_low_notified: 0,
      },
    ]);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['an unknown code type', { code_type: 'HUMAN' }, /code_type: must be OTP, POOL or STATIC/],
    [
      'a template without {code}',
      { code_type: 'OTP', code_template: 'PROMO' },
      /code_template: must contain \{code\} exactly once/,
    ],
    [
      'a template with {code} twice',
      { code_type: 'OTP', code_template: '{code}{code}' },
      /code_template: must contain \{code\} exactly once \(found 2\)/,
    ],
    [
      'a template with a space',
      { code_type: 'OTP', code_template: 'PRO MO-{code}' },
      /code_template: .*without spaces/,
    ],
    [
      'a template that is not ASCII',
      { code_type: 'OTP', code_template: 'PRÖMO-{code}' },
      /code_template: .*printable ASCII/,
    ],
    ['a code length of 3', { code_type: 'OTP', code_length: 3 }, /code_length: must be at least 4/],
    [
      'a code length of 33',
      { code_type: 'OTP', code_length: 33 },
      /code_length: must be at most 32/,
    ],
    [
      'codes longer than 128 characters',
      { code_type: 'OTP', code_template: `${'A'.repeat(100)}{code}`, code_length: 32 },
      /code_template: .*longer than 128/,
    ],
    [
      'a template on a POOL reward',
      { code_type: 'POOL', code_template: 'P-{code}' },
      /code_template: only a code_type OTP reward takes this field/,
    ],
    [
      'a code length without a code type',
      { code_length: 8 },
      /code_length: only a code_type OTP reward takes this field/,
    ],
    [
      'a STATIC reward without its code',
      { code_type: 'STATIC' },
      /static_code: a STATIC reward needs its code/,
    ],
    [
      'a static code on an OTP reward',
      { code_type: 'OTP', static_code: 'X' },
      /static_code: only a code_type STATIC reward/,
    ],
    [
      'a threshold on an OTP reward',
      { code_type: 'OTP', pool_threshold: 3 },
      /pool_threshold: only a code_type POOL reward/,
    ],
    [
      'a negative threshold',
      { code_type: 'POOL', pool_threshold: -1 },
      /pool_threshold: must be at least 0/,
    ],
    [
      'codes for a STATIC reward',
      { code_type: 'STATIC', static_code: 'S', codes: 'A,B' },
      /codes: only a code_type POOL reward/,
    ],
    [
      'an empty code list',
      { code_type: 'POOL', codes: ' , \n ' },
      /codes: must hold at least one code/,
    ],
    ['codes that are not text', { code_type: 'POOL', codes: [1, 2] }, /codes:/],
    ['repeated initial codes', { code_type: 'POOL', codes: 'A,B,A' }, /codes: 1 repeated .*: A;/],
    ['hide_code without a code type', { hide_code: true }, /hide_code: only a reward/],
  ])(
    'refuses a reward campaign with %s, naming the field, writing nothing',
    async (_, fields, description) => {
      const before = await rewardTables(db());
      const answer = await call(engine.url, '/admin/campaigns', {
        json: { title: 't', voucher_type: 'basket', amount: 1, ...fields },
        session: admin,
      });
      expectAdminError(answer, 400, 'invalid_parameters', description);
      expect(await rewardTables(db())).toEqual(before);
    },
  );

  it('an OTP purchase creates an unredeemed benefit whose code matches the format', async () => {
    const reward = await createReward({
      title: '€3 off',
      voucher_type: 'basket',
      amount: 3,
      expiry_seconds: 7 * DAY_SECONDS,
      code_type: 'OTP',
      code_template: 'PROMO-{code}',
      code_length: 6,
    });
    const pattern = codePattern({ template: 'PROMO-{code}', length: 6 });
    const codes = new Set<string>();
    for (let n = 0; n < 20; n += 1) {
      const benefit = await buy(rewardIdOf(reward));
      const voucher = await voucherOf(benefit.id);
      expect(voucher.code).toMatch(pattern);
      codes.add(voucher.code ?? '');
      expect(voucher).toMatchObject({
        claimed_at: null,
        shared_code: null,
        voucher_type: 'basket',
        amount: 300,
        amount_original: 300,
        amount_redeemed: 0,
        currency: 'EUR',
        title: '€3 off',
        created_at: NOW,
        expires_at: NOW + 7 * DAY_SECONDS * 1000,
      });
      expect(benefit).toMatchObject({
        id: voucher.uuid,
        type: 'VOUCHER',
        createdAt: '2027-03-01T10:00:00.000Z',
        redeemedAt: null,
        burnedAt: null,
        expiresAt: '2027-03-08T10:00:00.000Z',
        owner: { id: MEMBER },
        reward: {
          id: rewardIdOf(reward),
          codeType: 'OTP',
          hideCode: false,
          discounts: [{ type: 'ABSOLUTE', value: 300 }],
        },
        // the code is revealed only by redeem_benefit
        code: { id: voucher.code_uuid, value: null, redeemedAt: null, validatedAt: null },
      });
    }
    expect(codes.size).toBe(20);
  });

  it('the demo OTP reward gives PROMO-{code} codes', async () => {
    const rewardId = engine.demo?.rewards.otp ?? '';
    const voucher = await voucherOf((await buy(rewardId)).id);
    expect(voucher.code).toMatch(/^PROMO-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
  });

  it('a STATIC purchase shares the static code; hideCode keeps it hidden even once redeemed', async () => {
    const shown = await createReward({
      title: 'Static',
      voucher_type: 'basket_pct',
      discount_ratio: 0.15,
      code_type: 'STATIC',
      static_code: 'SPRING15',
    });
    const hidden = await createReward({
      title: 'Codeless',
      voucher_type: 'honour',
      honour_code: 'GIFT',
      code_type: 'STATIC',
      static_code: 'GIFT-CODE',
      hide_code: true,
    });
    const first = await voucherOf((await buy(rewardIdOf(shown))).id);
    const second = await voucherOf((await buy(rewardIdOf(shown), '1000002')).id);
    for (const voucher of [first, second])
      expect(voucher).toMatchObject({ code: null, shared_code: 'SPRING15', ratio_ppm: 150_000 });
    expect(first.code_uuid).not.toBe(second.code_uuid);

    const hiddenBenefit = await buy(rewardIdOf(hidden));
    expect(hiddenBenefit).toMatchObject({ reward: { codeType: 'STATIC', hideCode: true } });
    const hiddenVoucher = await voucherOf(hiddenBenefit.id);
    expect(hiddenVoucher.shared_code).toBe('GIFT-CODE');
    // claimed directly here: redeem_benefit is another suite's
    await db()
      .updateTable('vouchers')
      .set({ claimed_at: NOW })
      .where('id', 'in', [first.id, hiddenVoucher.id])
      .execute();
    const revealed = await benefitByVoucherId(db(), 1, first.id);
    const stillHidden = await benefitByVoucherId(db(), 1, hiddenVoucher.id);
    if (!revealed || !stillHidden) throw new Error('benefits vanished');
    expect(toBenefit(revealed).code.value).toBe('SPRING15');
    expect(toBenefit(stillHidden).code.value).toBeNull();
  });

  it('a POOL hands its codes out in upload order, each once, then refuses and changes nothing', async () => {
    const reward = await createReward({
      title: 'Pool',
      voucher_type: 'honour',
      honour_code: 'CINEMA',
      code_type: 'POOL',
      codes: ['C-1', 'C-2', 'C-3'],
    });
    const refill = await uploadCodes(campaignIdOf(reward), { codes: 'C-4' });
    expect(resultsOf(refill)).toMatchObject({
      result_type: 'add-pool-codes',
      added: 1,
      total: 4,
      unused: 4,
    });
    const given: string[] = [];
    for (let n = 0; n < 4; n += 1) {
      const benefit = await buy(rewardIdOf(reward));
      const voucher = await voucherOf(benefit.id);
      const poolCode = await db()
        .selectFrom('reward_pool_codes')
        .selectAll()
        .where('voucher_id', '=', voucher.id)
        .executeTakeFirstOrThrow();
      expect(poolCode).toMatchObject({
        value: voucher.shared_code,
        uuid: voucher.code_uuid,
        taken_at: NOW,
      });
      expect(benefit).toMatchObject({ code: { id: poolCode.uuid } });
      expect(voucher.code).toBeNull();
      given.push(voucher.shared_code ?? '');
    }
    expect(given).toEqual(['C-1', 'C-2', 'C-3', 'C-4']);

    const before = await rewardTables(db());
    const refused = await purchase({ rewardId: rewardIdOf(reward), beneficiaryId: MEMBER });
    expectWllError(refused, 409, 'CODE_POOL_EXHAUSTED', new RegExp(rewardIdOf(reward)));
    expect(await rewardTables(db())).toEqual(before);
  });

  it('the demo POOL reward holds twenty codes with threshold 5', async () => {
    const rewardId = engine.demo?.rewards.pool ?? '';
    const campaign = await db()
      .selectFrom('campaigns')
      .selectAll()
      .where('uuid', '=', rewardId)
      .executeTakeFirstOrThrow();
    const stock = await call(engine.url, `/admin/campaigns/${campaign.id}/codes`, {
      session: admin,
    });
    expect(resultsOf(stock)).toMatchObject({
      result_type: 'get-pool-codes',
      reward_id: rewardId,
      total: 20,
      unused: 20,
      threshold: DEMO_POOL_THRESHOLD,
    });
    const benefit = await buy(rewardId);
    expect((await voucherOf(benefit.id)).shared_code).toBe(engine.demo?.poolCodes[0]);
    const staticId = engine.demo?.rewards.static ?? '';
    expect((await voucherOf((await buy(staticId)).id)).shared_code).toBe('SUMMER15');
  });

  it('uploads: separators, trimming and blanks; repeats refused unless allowed; all or nothing', async () => {
    const reward = await createReward({
      title: 'Uploads',
      voucher_type: 'honour',
      honour_code: 'U',
      code_type: 'POOL',
      pool_threshold: 2,
    });
    const id = campaignIdOf(reward);
    const stock = () =>
      call(engine.url, `/admin/campaigns/${id}/codes`, { session: admin }).then(resultsOf);
    expect(await stock()).toMatchObject({ total: 0, unused: 0, threshold: 2 });

    const first = await uploadCodes(id, { codes: ' U-1 ,U-2\r\n\nU-3,,\n U-4 ' });
    expect(resultsOf(first)).toMatchObject({
      added: 4,
      total: 4,
      unused: 4,
      threshold: 2,
      campaign_id: id,
    });
    const form = await call(engine.url, `/admin/campaigns/${id}/codes`, {
      form: { codes: 'U-5\nU-6' },
      session: admin,
    });
    expect(resultsOf(form)).toMatchObject({ added: 2, total: 6 });
    const values = await db()
      .selectFrom('reward_pool_codes')
      .select('value')
      .where('campaign_id', '=', id)
      .orderBy('id')
      .execute();
    expect(values.map((row) => row.value)).toEqual(['U-1', 'U-2', 'U-3', 'U-4', 'U-5', 'U-6']);

    const before = await rewardTables(db());
    expectAdminError(
      await uploadCodes(id, { codes: ['U-7', 'U-8', 'U-7', 'U-7'] }),
      400,
      'invalid_parameters',
      /codes: 1 repeated .*U-7;/,
    );
    expectAdminError(
      await uploadCodes(id, { codes: 'U-9,U-2,U-3' }),
      400,
      'invalid_parameters',
      /codes: 2 repeated .*U-2, U-3;.*allow_duplicates/,
    );
    expectAdminError(
      await uploadCodes(id, { codes: '' }),
      400,
      'invalid_parameters',
      /codes: must hold at least one code/,
    );
    expectAdminError(await uploadCodes(id, {}), 400, 'invalid_parameters', /codes:/);
    expectAdminError(
      await uploadCodes(id, { codes: Array.from({ length: 5001 }, (_, n) => `X-${n}`) }),
      400,
      'invalid_parameters',
      /codes: at most 5000 codes per upload \(got 5001\)/,
    );
    expectAdminError(
      await uploadCodes(id, { codes: 'OK-1,BAD\u0007' }),
      400,
      'invalid_parameters',
      /codes: .*printable ASCII/,
    );
    expectAdminError(
      await uploadCodes(id, { codes: 'A', allow_duplicates: 'maybe' }),
      400,
      'invalid_parameters',
      /allow_duplicates/,
    );
    expect(await rewardTables(db())).toEqual(before);

    const shared = await uploadCodes(id, { codes: 'SHARED,SHARED,U-1', allow_duplicates: true });
    expect(resultsOf(shared)).toMatchObject({ added: 3, total: 9, unused: 9 });

    const big = await uploadCodes(id, {
      codes: Array.from({ length: 5000 }, (_, n) => `BIG-${n}`).join('\n'),
    });
    expect(resultsOf(big)).toMatchObject({ added: 5000, total: 5009 });
  });

  it('a partner code uploaded twice with allow_duplicates is handed out twice', async () => {
    const reward = await createReward({
      title: 'Shared',
      voucher_type: 'honour',
      honour_code: 'S',
      code_type: 'POOL',
      codes: 'TWICE,TWICE',
      allow_duplicates: true,
    });
    const codes = [];
    for (let n = 0; n < 2; n += 1)
      codes.push((await voucherOf((await buy(rewardIdOf(reward))).id)).shared_code);
    expect(codes).toEqual(['TWICE', 'TWICE']);
    expectWllError(
      await purchase({ rewardId: rewardIdOf(reward), beneficiaryId: MEMBER }),
      409,
      'CODE_POOL_EXHAUSTED',
    );
  });

  it('refuses pool uploads to a campaign that is not a POOL, or not there, or by a non-admin', async () => {
    const otp = await createReward({
      title: 'o',
      voucher_type: 'basket',
      amount: 1,
      code_type: 'OTP',
    });
    expectAdminError(
      await uploadCodes(campaignIdOf(otp), { codes: 'A' }),
      400,
      'invalid_parameters',
      /codes: only a POOL reward has pool codes; campaign \d+ is OTP/,
    );
    expectAdminError(
      await uploadCodes(1, { codes: 'A' }),
      400,
      'invalid_parameters',
      /campaign 1 is not a reward/,
    );
    expectAdminError(
      await call(engine.url, `/admin/campaigns/${campaignIdOf(otp)}/codes`, { session: admin }),
      400,
      'invalid_parameters',
      /campaign_id: only a POOL reward/,
    );
    expectAdminError(await uploadCodes(99_999, { codes: 'A' }), 404, 'campaign_not_found');
    expectAdminError(
      await uploadCodes(0, { codes: 'A' }),
      400,
      'invalid_parameters',
      /campaign_id: must be at least 1/,
    );
    expectAdminError(
      await call(engine.url, '/admin/campaigns/x/codes', { session: admin }),
      400,
      'invalid_parameters',
      /campaign_id: must be a whole number/,
    );
    expectAdminError(
      await call(engine.url, '/admin/campaigns/1/codes', { json: { codes: 'A' }, session: till }),
      403,
      'permission_denied_or_non_existent',
    );
    expectAdminError(
      await call(engine.url, '/admin/campaigns/1/codes', { json: { codes: 'A' } }),
      401,
      'no_valid_session',
    );
  });

  it('refuses each bad purchase with a named WLL error, changing nothing', async () => {
    const pool = await createReward({
      title: 'p',
      voucher_type: 'basket',
      amount: 1,
      code_type: 'POOL',
      codes: 'R-1',
    });
    const notReward = await db()
      .selectFrom('campaigns')
      .select('uuid')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    const rewardId = rewardIdOf(pool);
    const cases: [Answer, number, string, RegExp][] = [
      [await purchase({ beneficiaryId: MEMBER }), 400, 'INVALID_PARAMETERS', /rewardId/],
      [
        await purchase({ rewardId: 'not-a-uuid', beneficiaryId: MEMBER }),
        400,
        'INVALID_PARAMETERS',
        /rewardId: must be a reward id/,
      ],
      [
        await purchase({ rewardId: 42, beneficiaryId: MEMBER }),
        400,
        'INVALID_PARAMETERS',
        /rewardId/,
      ],
      [await purchase({ rewardId }), 400, 'INVALID_PARAMETERS', /beneficiaryId/],
      [
        await purchase({ rewardId, beneficiaryId: '  ' }),
        400,
        'INVALID_PARAMETERS',
        /beneficiaryId/,
      ],
      [
        await purchase({ rewardId, beneficiaryId: MEMBER, comment: 'x'.repeat(501) }),
        400,
        'INVALID_PARAMETERS',
        /comment/,
      ],
      [await purchase([rewardId]), 400, 'INVALID_PARAMETERS', /rewardId/],
      [
        await call(engine.url, '/commands/purchase_reward', {
          rawBody: '{"rewardId":',
          headers: { 'content-type': 'application/json' },
          bearer: apiKey,
        }),
        400,
        'MALFORMED_BODY',
        /./,
      ],
      [
        await purchase({ rewardId: '6f1c7c2e-8d2a-4b5e-9c1a-2f3e4d5c6b7a', beneficiaryId: MEMBER }),
        404,
        'REWARD_NOT_FOUND',
        /6f1c7c2e/,
      ],
      [
        await purchase({ rewardId: notReward.uuid, beneficiaryId: MEMBER }),
        409,
        'REWARD_NOT_PURCHASABLE',
        /no code type/,
      ],
      [await purchase({ rewardId, beneficiaryId: '999999' }), 404, 'MEMBER_NOT_FOUND', /999999/],
      [
        await purchase({ rewardId, beneficiaryId: MEMBER }, { session: till }),
        403,
        'PERMISSION_DENIED_OR_NON_EXISTENT',
        /admin/,
      ],
      [
        await purchase({ rewardId, beneficiaryId: MEMBER }, { bearer: 'f'.repeat(64) }),
        401,
        'NO_VALID_SESSION',
        /./,
      ],
    ];
    for (const [answer, status, code, message] of cases)
      expectWllError(answer, status, code, message);
    const untouched = await db()
      .selectFrom('reward_pool_codes')
      .selectAll()
      .where('campaign_id', '=', campaignIdOf(pool))
      .execute();
    expect(untouched).toMatchObject([{ value: 'R-1', voucher_id: null }]);
    // an admin account may buy on a member's behalf too
    const byAdmin = await purchase(
      { rewardId, beneficiaryId: MEMBER, comment: 'goodwill' },
      { session: admin },
    );
    expect(byAdmin.status).toBe(201);
  });

  it('reports PURCHASED_REWARD for each purchase, with the reward id and without the code', async () => {
    const reward = await createReward({
      title: 'Evented',
      voucher_type: 'basket',
      amount: 2,
      code_type: 'POOL',
      codes: 'SECRET-1,SECRET-2',
    });
    const benefits = [await buy(rewardIdOf(reward)), await buy(rewardIdOf(reward), '1000002')];
    const answer = await purchase({
      rewardId: rewardIdOf(reward),
      beneficiaryId: MEMBER,
      comment: 'birthday',
    });
    expectWllError(answer, 409, 'CODE_POOL_EXHAUSTED');
    const vouchers = await Promise.all(benefits.map((benefit) => voucherOf(benefit.id)));
    const events = await db()
      .selectFrom('events')
      .selectAll()
      .where('type', '=', 'PURCHASED_REWARD')
      .where(
        'voucher_id',
        'in',
        vouchers.map((voucher) => voucher.id),
      )
      .orderBy('id')
      .execute();
    expect(events.map((event) => [event.subject, event.voucher_id, event.reported_at])).toEqual([
      [MEMBER, vouchers[0]?.id, NOW],
      ['1000002', vouchers[1]?.id, NOW],
    ]);
    for (const event of events) {
      const payload: unknown = JSON.parse(event.payload_json);
      expect(payload).toMatchObject({ rewardId: rewardIdOf(reward) });
      expect(event.payload_json).not.toMatch(/SECRET/);
    }
    const audit = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where(
        'voucher_id',
        'in',
        vouchers.map((voucher) => voucher.id),
      )
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(['purchase', 'purchase']);
  });

  it('reports CODE_POOL_LOW once per crossing of the threshold; a refill above it re-arms', async () => {
    const reward = await createReward({
      title: 'Low',
      voucher_type: 'honour',
      honour_code: 'L',
      code_type: 'POOL',
      pool_threshold: 2,
      codes: 'L-1,L-2,L-3,L-4',
    });
    const rewardId = rewardIdOf(reward);
    const lowEvents = async () =>
      (await eventsOf('CODE_POOL_LOW', rewardId)).map((event): unknown =>
        JSON.parse(event.payload_json),
      );
    const latch = async () =>
      (
        await db()
          .selectFrom('campaigns')
          .select('pool_low_notified')
          .where('uuid', '=', rewardId)
          .executeTakeFirstOrThrow()
      ).pool_low_notified;

    await buy(rewardId); // 3 left
    expect(await lowEvents()).toEqual([]);
    await buy(rewardId); // 2 left: crossed
    expect(await lowEvents()).toEqual([{ rewardId, unused: 2, threshold: 2 }]);
    expect(await latch()).toBe(1);
    await buy(rewardId); // 1 left
    expect(await lowEvents()).toHaveLength(1);

    await uploadCodes(campaignIdOf(reward), { codes: 'L-5' }); // 2 unused: not above, stays latched
    expect(await latch()).toBe(1);
    await uploadCodes(campaignIdOf(reward), { codes: 'L-6,L-7' }); // 4 unused: re-armed
    expect(await latch()).toBe(0);
    await buy(rewardId); // 3 left
    expect(await lowEvents()).toHaveLength(1);
    await buy(rewardId); // 2 left: crossed again
    expect(await lowEvents()).toEqual([
      { rewardId, unused: 2, threshold: 2 },
      { rewardId, unused: 2, threshold: 2 },
    ]);
  });

  it('100 concurrent purchases from a pool of 60 give 60 distinct codes and 40 CODE_POOL_EXHAUSTED', async () => {
    const codes = Array.from({ length: 60 }, (_, n) => `RACE-${String(n).padStart(3, '0')}`);
    const reward = await createReward({
      title: 'Race',
      voucher_type: 'basket',
      amount: 1,
      code_type: 'POOL',
      pool_threshold: 10,
      codes,
    });
    const rewardId = rewardIdOf(reward);
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, n) =>
        purchase({ rewardId, beneficiaryId: n % 2 === 0 ? '1000001' : '1000002' }),
      ),
    );
    const bought = answers.filter((answer) => answer.status === 201);
    const refused = answers.filter((answer) => answer.status !== 201);
    expect(bought).toHaveLength(60);
    expect(refused).toHaveLength(40);
    for (const answer of refused) expectWllError(answer, 409, 'CODE_POOL_EXHAUSTED');

    const benefitIds = bought.map((answer) => String(dataOf(answer).id));
    const vouchers = await db()
      .selectFrom('vouchers')
      .selectAll()
      .where('campaign_id', '=', campaignIdOf(reward))
      .execute();
    expect(vouchers).toHaveLength(60);
    expect(new Set(vouchers.map((voucher) => voucher.uuid))).toEqual(new Set(benefitIds));
    expect(new Set(vouchers.map((voucher) => voucher.shared_code))).toEqual(new Set(codes));
    const pool = await db()
      .selectFrom('reward_pool_codes')
      .selectAll()
      .where('campaign_id', '=', campaignIdOf(reward))
      .execute();
    expect(pool.every((code) => code.voucher_id !== null)).toBe(true);
    expect(new Set(pool.map((code) => code.voucher_id)).size).toBe(60);
    expect(await eventsOf('CODE_POOL_LOW', rewardId)).toHaveLength(1);
    const purchased = await db()
      .selectFrom('events')
      .select('id')
      .where('type', '=', 'PURCHASED_REWARD')
      .where(
        'voucher_id',
        'in',
        vouchers.map((voucher) => voucher.id),
      )
      .execute();
    expect(purchased).toHaveLength(60);
  });

  it('concurrent OTP purchases with a small code space stay unique across the chain', async () => {
    const reward = await createReward({
      title: 'Tiny',
      voucher_type: 'basket',
      amount: 1,
      code_type: 'OTP',
      code_template: 'T{code}',
      code_length: 4,
    });
    const answers = await Promise.all(
      Array.from({ length: 60 }, () =>
        purchase({ rewardId: rewardIdOf(reward), beneficiaryId: MEMBER }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 201));
    const vouchers = await db()
      .selectFrom('vouchers')
      .select('code')
      .where('campaign_id', '=', campaignIdOf(reward))
      .execute();
    expect(new Set(vouchers.map((voucher) => voucher.code)).size).toBe(60);
  });

  const SEED: Actor = { chainId: 1, role: 'privileged', name: 'rewards-test', accountId: null };
  /** A draw that hands out the given parts in turn, recording each. */
  const scripted = (parts: readonly string[]) => {
    const drawn: string[] = [];
    const draw: CodeDraw = () => {
      const part = parts[drawn.length];
      if (part === undefined) throw new Error(`drew more than the ${parts.length} parts scripted`);
      drawn.push(part);
      return part;
    };
    return { draw, drawn };
  };
  const purchaseWith = (rewardId: string, draw: CodeDraw) =>
    purchaseReward(
      engine.db,
      SEED,
      { chainId: 1, rewardId, memberNumber: MEMBER, comment: null },
      NOW,
      { draw },
    ).then(expectOk);
  const codeOfVoucher = async (id: number) =>
    (
      await db()
        .selectFrom('vouchers')
        .select('code')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).code;
  const validate = (json: Record<string, unknown>) =>
    call(engine.url, '/commands/validate_voucher', { json, bearer: apiKey });

  it('a pool code may not equal a code of another kind: voucher, static or other pool codes', async () => {
    // the demo holds DEMO-5EUR (a voucher's own code), SUMMER15 (static), CINEMA-0001 (a pool code)
    const reward = await createReward({
      title: 'Clashes',
      voucher_type: 'honour',
      honour_code: 'CLASH',
      code_type: 'POOL',
      codes: 'OWN-1',
    });
    const id = campaignIdOf(reward);
    const before = await rewardTables(db());
    const refused = await uploadCodes(id, { codes: 'NEW-1,DEMO-5EUR,SUMMER15,CINEMA-0001' });
    expectAdminError(refused, 400, 'invalid_parameters', /codes: 3 already in use in this chain/);
    for (const named of [
      'CINEMA-0001 \\(pool code\\)',
      'DEMO-5EUR \\(voucher code\\)',
      'SUMMER15 \\(static code\\)',
    ])
      expect(JSON.stringify(refused.body.error)).toMatch(new RegExp(named));
    expect(JSON.stringify(refused.body.error)).not.toMatch(/NEW-1/);
    // allow_duplicates governs repeats within this pool only
    expectAdminError(
      await uploadCodes(id, { codes: 'DEMO-5EUR', allow_duplicates: true }),
      400,
      'invalid_parameters',
      /DEMO-5EUR \(voucher code\)/,
    );
    expect(await rewardTables(db())).toEqual(before);
    // a taken pool code of another reward still counts, and so does the benefit sharing it
    const taken = await voucherOf((await buy(engine.demo?.rewards.pool ?? '')).id);
    expectAdminError(
      await uploadCodes(id, { codes: taken.shared_code }),
      400,
      'invalid_parameters',
      new RegExp(
        `${taken.shared_code ?? ''} \\(pool code\\), ${taken.shared_code ?? ''} \\(shared code\\)`,
      ),
    );
    expect(
      resultsOf(await uploadCodes(id, { codes: 'OWN-1', allow_duplicates: true })),
    ).toMatchObject({ added: 1, total: 2 });

    const initial = await call(engine.url, '/admin/campaigns', {
      json: {
        title: 'Initial clash',
        voucher_type: 'honour',
        honour_code: 'X',
        code_type: 'POOL',
        codes: 'FINE-1,DEMO-10PCT',
      },
      session: admin,
    });
    expectAdminError(initial, 400, 'invalid_parameters', /DEMO-10PCT \(voucher code\)/);
    const stored = await db()
      .selectFrom('campaigns')
      .select('id')
      .where('title', '=', 'Initial clash')
      .execute();
    expect(stored).toEqual([]);
  });

  it('a STATIC reward’s code may not equal any code in use, naming static_code', async () => {
    for (const [code, kind] of [
      ['DEMO-5EUR', 'voucher code'],
      ['CINEMA-0002', 'pool code'],
      ['SUMMER15', 'static code'],
    ] as const) {
      const before = await rewardTables(db());
      const answer = await call(engine.url, '/admin/campaigns', {
        json: {
          title: 'Static clash',
          voucher_type: 'basket',
          amount: 1,
          code_type: 'STATIC',
          static_code: code,
        },
        session: admin,
      });
      expectAdminError(
        answer,
        400,
        'invalid_parameters',
        new RegExp(`static_code: already in use in this chain: .*${code} \\(${kind}\\)`),
      );
      expect(await rewardTables(db())).toEqual(before);
    }
  });

  it('an OTP draw equal to a code of any kind is redrawn: the purchase gets a distinct code', async () => {
    const otp = await createReward({
      title: 'Drawn',
      voucher_type: 'basket',
      amount: 1,
      code_type: 'OTP',
      code_template: 'X{code}',
      code_length: 4,
    });
    await createReward({
      title: 'Pool of X codes',
      voucher_type: 'honour',
      honour_code: 'XP',
      code_type: 'POOL',
      codes: 'XAAAA',
    });
    await createReward({
      title: 'Static X code',
      voucher_type: 'honour',
      honour_code: 'XS',
      code_type: 'STATIC',
      static_code: 'XBBBB',
    });
    const first = scripted(['CCCC']);
    const firstId = await purchaseWith(rewardIdOf(otp), first.draw);
    expect(await codeOfVoucher(firstId)).toBe('XCCCC');

    const second = scripted(['AAAA', 'BBBB', 'CCCC', 'DDDD']);
    const secondId = await purchaseWith(rewardIdOf(otp), second.draw);
    expect(second.drawn).toEqual(['AAAA', 'BBBB', 'CCCC', 'DDDD']);
    expect(await codeOfVoucher(secondId)).toBe('XDDDD');
  });

  it('two purchases drawing the same code at once end with distinct codes', async () => {
    const otp = await createReward({
      title: 'Same draw',
      voucher_type: 'basket',
      amount: 1,
      code_type: 'OTP',
      code_template: 'SAME-{code}',
      code_length: 4,
    });
    // one draw sequence for both: each purchase's first draw is TWIN
    const shared = scripted(['TWIN', 'TWIN', 'NEXT']);
    const ids = await Promise.all([
      purchaseWith(rewardIdOf(otp), shared.draw),
      purchaseWith(rewardIdOf(otp), shared.draw),
    ]);
    const codes = await Promise.all(ids.map(codeOfVoucher));
    expect(new Set(codes)).toEqual(new Set(['SAME-TWIN', 'SAME-NEXT']));
    expect(shared.drawn).toEqual(['TWIN', 'TWIN', 'NEXT']);
  });

  it.runIf(database.name === 'postgres')(
    'a draw that another purchase inserts first breaks the unique constraint; the purchase is retried and succeeds (PostgreSQL only: SQLite serialises writers, so this race cannot happen there)',
    async () => {
      // SQLite serialises writers, so there a purchase's check always sees the other's code.
      // Here the other purchase is a transaction holding an uncommitted voucher coded HELD-TAKE:
      // the check cannot see it, the purchase's insert waits on it and fails once it commits.
      const otp = await createReward({
        title: 'Held',
        voucher_type: 'basket',
        amount: 1,
        code_type: 'OTP',
        code_template: 'HELD-{code}',
        code_length: 4,
      });
      const campaignId = campaignIdOf(otp);
      const released = deferred();
      const holding = deferred();
      let holder = 0;
      const other = db()
        .transaction()
        .execute(async (trx) => {
          const pid = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
          holder = pid.rows[0]?.pid ?? 0;
          await insertVoucher(trx, {
            chain_id: 1,
            code: 'HELD-TAKE',
            campaign_id: campaignId,
            member_id: null,
            voucher_type: 'basket',
            currency: 'EUR',
            amount_original: 100,
            amount: 100,
            amount_redeemed: 0,
            ratio_ppm: null,
            honour_code: null,
            title: 'Held',
            exclusive: 0,
            lock_period_seconds: 300,
            created_at: NOW,
            claimed_at: null,
            expires_at: null,
          });
          holding.resolve();
          await released.promise;
        });
      await holding.promise;
      const script = scripted(['TAKE', 'FREE']);
      const bought = purchaseWith(rewardIdOf(otp), script.draw);
      const waiting = async () => {
        const rows = await sql<{ n: number }>`
          select count(*)::int as n from pg_stat_activity where ${holder} = any(pg_blocking_pids(pid))
        `.execute(db());
        return (rows.rows[0]?.n ?? 0) > 0;
      };
      while (!(await waiting())) await new Promise((resolve) => setTimeout(resolve, 10));
      released.resolve();
      await other;
      const id = await bought;
      expect(script.drawn).toEqual(['TAKE', 'FREE']);
      expect(await codeOfVoucher(id)).toBe('HELD-FREE');
    },
  );

  it('create-voucher refuses an explicit code in use as a shared, pool or static code', async () => {
    const sharedCode = (await voucherOf((await buy(engine.demo?.rewards.static ?? '')).id))
      .shared_code;
    expect(sharedCode).toBe('SUMMER15');
    for (const [code, kind] of [
      ['SUMMER15', 'shared code'],
      ['CINEMA-0003', 'pool code'],
      ['DEMO-5EUR', 'voucher code'],
    ] as const) {
      const answer = await call(engine.url, '/create-voucher', {
        json: { campaign_id: 1, member_number: MEMBER, voucher_code: code },
        session: admin,
      });
      expectAdminError(answer, 409, 'already_exists', new RegExp(`${code} \\(${kind}\\)`));
    }
  });

  it('validate_voucher refuses a code that is both an own and a shared code, burning nothing', async () => {
    // only data from before the checks can hold such a clash: made here by hand
    const staticBenefit = await voucherOf((await buy(engine.demo?.rewards.static ?? '')).id);
    const otpBenefit = await voucherOf((await buy(engine.demo?.rewards.otp ?? '', '1000002')).id);
    await db()
      .updateTable('vouchers')
      .set({ claimed_at: NOW })
      .where('id', 'in', [staticBenefit.id, otpBenefit.id])
      .execute();
    await db()
      .updateTable('vouchers')
      .set({ code: 'OLD-CLASH' })
      .where('id', '=', otpBenefit.id)
      .execute();
    await db()
      .updateTable('vouchers')
      .set({ shared_code: 'OLD-CLASH' })
      .where('id', '=', staticBenefit.id)
      .execute();
    for (const json of [{ code: 'OLD-CLASH' }, { code: 'OLD-CLASH', userIdentifier: MEMBER }])
      expectWllError(
        await validate(json),
        400,
        'INVALID_PARAMETERS',
        new RegExp(`code: OLD-CLASH is ambiguous: .*${otpBenefit.uuid}.*${staticBenefit.uuid}`),
      );
    const rows = await db()
      .selectFrom('vouchers')
      .select(['burned_at', 'validated_at'])
      .where('id', 'in', [staticBenefit.id, otpBenefit.id])
      .execute();
    expect(rows).toEqual([
      { burned_at: null, validated_at: null },
      { burned_at: null, validated_at: null },
    ]);
  });

  it('validate_voucher finds an OTP code typed in lower case; shared codes match exactly', async () => {
    const benefit = await buy(engine.demo?.rewards.otp ?? '');
    const voucher = await voucherOf(benefit.id);
    await db()
      .updateTable('vouchers')
      .set({ claimed_at: NOW })
      .where('id', '=', voucher.id)
      .execute();
    const code = voucher.code ?? '';
    expect(code).toMatch(/^PROMO-/);
    expect(dataOf(await validate({ code: code.toLowerCase() }))).toMatchObject({
      id: voucher.uuid,
      burnedAt: '2027-03-01T10:00:00.000Z',
    });
    const pooled = await voucherOf((await buy(engine.demo?.rewards.pool ?? '')).id);
    await db()
      .updateTable('vouchers')
      .set({ claimed_at: NOW })
      .where('id', '=', pooled.id)
      .execute();
    expectWllError(
      await validate({ code: (pooled.shared_code ?? '').toLowerCase() }),
      404,
      'VOUCHER_NOT_FOUND',
    );
  });

  it('a purchased POOL benefit names its pool code by the code’s id; the value stays hidden until redeemed', async () => {
    const reward = await createReward({
      title: 'Pool JSON',
      voucher_type: 'honour',
      honour_code: 'PJ',
      code_type: 'POOL',
      codes: 'PJ-1',
    });
    const benefit = await buy(rewardIdOf(reward));
    const poolCode = await db()
      .selectFrom('reward_pool_codes')
      .selectAll()
      .where('campaign_id', '=', campaignIdOf(reward))
      .executeTakeFirstOrThrow();
    expect(benefit.code).toEqual(expect.objectContaining({ id: poolCode.uuid, value: null }));
    const voucher = await voucherOf(benefit.id);
    await db()
      .updateTable('vouchers')
      .set({ claimed_at: NOW })
      .where('id', '=', voucher.id)
      .execute();
    const redeemed = await benefitByVoucherId(db(), 1, voucher.id);
    if (!redeemed) throw new Error('the benefit vanished');
    expect(toBenefit(redeemed).code).toMatchObject({ id: poolCode.uuid, value: 'PJ-1' });
  });
});
