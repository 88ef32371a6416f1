import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src-engine/db/schema';
import { expectOk } from '../../src-engine/domain/refusal';
import { createOperatorKey } from '../../src-engine/domain/api-keys';
import { createAccount, createChain } from '../../src-engine/domain/admin';
import { basketRequest, item } from '../../test-support/engine/baskets';
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

/** Every table an admin call may write to (sessions aside: logging in writes those). */
async function adminTables(db: Kysely<Database>): Promise<unknown> {
  const tables = [
    'chains',
    'stores',
    'accounts',
    'api_keys',
    'members',
    'campaigns',
    'vouchers',
    'audit_log',
  ] as const;
  const rows = await Promise.all(
    tables.map((table) => db.selectFrom(table).selectAll().orderBy('id').execute()),
  );
  return Object.fromEntries(tables.map((table, index) => [table, rows[index]]));
}

function resultsOf(answer: Answer): Record<string, unknown> {
  const results = answer.body.results;
  if (!isRecord(results)) throw new Error(`no results in ${JSON.stringify(answer.body)}`);
  return results;
}

function expectError(answer: Answer, status: number, name: string, description?: RegExp): void {
  expect(answer.status).toBe(status);
  expect(answer.body).toMatchObject({ result: { code: 2, status: 'error' }, error: { name } });
  if (description) expect(JSON.stringify(answer.body.error)).toMatch(description);
}

const ADMIN_CALLS: readonly [string, string][] = [
  ['POST', '/admin/stores'],
  ['POST', '/admin/accounts'],
  ['POST', '/admin/members'],
  ['POST', '/admin/campaigns'],
  ['POST', '/admin/vouchers'],
  ['POST', '/admin/api-keys'],
  ['GET', '/admin/audit'],
  ['POST', '/admin/chains'],
];

// the demo campaigns, in the order demo.ts creates them
const FIVE_EURO_CAMPAIGN = 1;
const FREE_COFFEE_CAMPAIGN = 3;

describeEachDatabase('admin endpoints', (database) => {
  let engine: TestEngine;
  let admin: Session;
  let manager: Session;
  let till: Session;
  const post = (path: string, json: unknown, options: CallOptions = { session: admin }) =>
    call(engine.url, path, { ...options, json });

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
    admin = await loginAs(engine.url, 'admin', 'demo-admin');
    manager = await loginAs(engine.url, 'manager-s001', 'demo-manager');
    till = await loginAs(engine.url, 'till-s001-01', 'demo-till');
  });
  afterAll(async () => engine.close());

  it.each(ADMIN_CALLS)(
    '%s %s: 401 without credentials, 403 for a terminal or a manager',
    async (method, path) => {
      const before = await adminTables(engine.db.kysely);
      const body = method === 'GET' ? {} : { json: {} };
      expectError(await call(engine.url, path, { method, ...body }), 401, 'no_valid_session');
      for (const session of [till, manager])
        expectError(
          await call(engine.url, path, { method, ...body, session }),
          403,
          'permission_denied_or_non_existent',
        );
      expect(await adminTables(engine.db.kysely)).toEqual(before);
    },
  );

  it('POST /admin/chains needs a privileged API key: an admin account is refused', async () => {
    const answer = await post('/admin/chains', {
      name: 'Other',
      currency: 'EUR',
      timezone: 'Europe/Paris',
    });
    expectError(answer, 403, 'permission_denied_or_non_existent', /privileged API key/);
  });

  it('creates a store; the same code again is already_exists', async () => {
    const created = await post('/admin/stores', { code: 'S002', name: 'Demo Retail Utrecht' });
    expect(created.status).toBe(200);
    expect(resultsOf(created)).toMatchObject({ result_type: 'create-store', store_code: 'S002' });
    const again = await post('/admin/stores', { code: 'S002', name: 'Twice' });
    expectError(again, 409, 'already_exists', /S002/);
  });

  it('creates an account that signs in with its role', async () => {
    const created = await post('/admin/accounts', {
      username: 'till-s002-01',
      password: 'a-till-password',
      role: 'terminal',
      store_code: 'S001',
    });
    expect(resultsOf(created)).toMatchObject({ username: 'till-s002-01', role: 'terminal' });
    const login = await call(engine.url, '/auth/login', {
      form: { username: 'till-s002-01', password: 'a-till-password' },
    });
    expect(login.body).toMatchObject({ results: { user_info: { role: 'terminal' } } });
    const again = await post('/admin/accounts', {
      username: 'till-s002-01',
      password: 'another-password',
      role: 'manager',
      store_code: 'S001',
    });
    expectError(again, 409, 'already_exists');
  });

  it('a member, a campaign and a voucher created over HTTP are priced at the till', async () => {
    const member = await post('/admin/members', { member_number: '2000001', name: 'Cor' });
    expect(resultsOf(member)).toMatchObject({ member_number: '2000001', name: 'Cor' });
    const campaign = await post('/admin/campaigns', {
      title: '€7.50 welcome gift',
      voucher_type: 'basket',
      amount: 7.5,
      expiry_seconds: 86_400,
    });
    const campaignId = resultsOf(campaign).campaign_id;
    expect(typeof campaignId).toBe('number');
    const voucher = await post('/admin/vouchers', {
      campaign_id: campaignId,
      member_number: '2000001',
      code: 'WELCOME-2000001',
      claimed: true,
    });
    expect(resultsOf(voucher)).toMatchObject({
      result_type: 'create-voucher',
      voucher: {
        voucher_code: 'WELCOME-2000001',
        voucher_type: 'basket',
        voucher_status: 'claimed',
        voucher_amount: 7.5,
        voucher_currency_code: 'EUR',
        member_number: '2000001',
        voucher_expiry_seconds_remaining: 86_400,
      },
    });
    const priced = await call(engine.url, '/auth/get-basket-price', {
      json: basketRequest('ADMIN-0001', [item('a', 20)], { member: '2000001' }),
      session: till,
    });
    expect(priced.body).toMatchObject({
      results: { basket: { basket_total_discount: 7.5, basket_total_adjusted_price: 12.5 } },
    });
  });

  it('stores a ratio and an amount exactly, from JSON or from a form', async () => {
    const pct = await post('/admin/campaigns', {
      title: '12.5 % off',
      voucher_type: 'basket_pct',
      discount_ratio: 0.125,
      lock_period_seconds: 120,
    });
    const form = await call(engine.url, '/admin/campaigns', {
      form: { title: 'Three euros', voucher_type: 'basket', amount: '3.10', exclusive: 'true' },
      session: admin,
    });
    const honour = await post('/admin/campaigns', {
      title: 'Free tote bag',
      voucher_type: 'honour',
      honour_code: 'FREE-TOTE',
    });
    const ids = [pct, form, honour].map((answer) => Number(resultsOf(answer).campaign_id));
    const rows = await engine.db.kysely
      .selectFrom('campaigns')
      .select([
        'voucher_type',
        'amount',
        'ratio_ppm',
        'honour_code',
        'lock_period_seconds',
        'exclusive',
      ])
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      {
        voucher_type: 'basket_pct',
        amount: null,
        ratio_ppm: 125_000,
        honour_code: null,
        lock_period_seconds: 120,
        exclusive: 0,
      },
      {
        voucher_type: 'basket',
        amount: 310,
        ratio_ppm: null,
        honour_code: null,
        lock_period_seconds: 300,
        exclusive: 1,
      },
      {
        voucher_type: 'honour',
        amount: null,
        ratio_ppm: null,
        honour_code: 'FREE-TOTE',
        lock_period_seconds: 300,
        exclusive: 0,
      },
    ]);
  });

  const badInputs: [string, string, unknown, RegExp][] = [
    ['a store without a name', '/admin/stores', { code: 'S009' }, /name/],
    [
      'a short password',
      '/admin/accounts',
      { username: 'x1', password: 'short', role: 'admin' },
      /password: must be at least 8 characters/,
    ],
    [
      'an unknown role',
      '/admin/accounts',
      { username: 'x2', password: 'long-enough', role: 'boss' },
      /role:/,
    ],
    ['a member without a number', '/admin/members', { name: 'Nobody' }, /member_number/],
    [
      'too many decimals for EUR',
      '/admin/campaigns',
      { title: 't', voucher_type: 'basket', amount: 5.001 },
      /amount: has 3 decimals but EUR allows at most 2/,
    ],
    [
      'a negative amount',
      '/admin/campaigns',
      { title: 't', voucher_type: 'basket', amount: -5 },
      /amount: must be more than 0/,
    ],
    [
      'an amount that is not a number',
      '/admin/campaigns',
      { title: 't', voucher_type: 'basket', amount: 'five' },
      /amount: is not a decimal number/,
    ],
    [
      'a basket campaign without an amount',
      '/admin/campaigns',
      { title: 't', voucher_type: 'basket' },
      /amount:/,
    ],
    [
      'a ratio above 1',
      '/admin/campaigns',
      { title: 't', voucher_type: 'basket_pct', discount_ratio: 1.5 },
      /discount_ratio: must be more than 0 and at most 1/,
    ],
    [
      'a zero ratio',
      '/admin/campaigns',
      { title: 't', voucher_type: 'basket_pct', discount_ratio: 0 },
      /discount_ratio: must be more than 0/,
    ],
    [
      'a ratio with 7 decimals',
      '/admin/campaigns',
      { title: 't', voucher_type: 'basket_pct', discount_ratio: 0.1234567 },
      /discount_ratio: must have at most 6 decimals/,
    ],
    [
      'an unknown voucher type',
      '/admin/campaigns',
      { title: 't', voucher_type: 'gift' },
      /voucher_type: must be basket, basket_pct or honour/,
    ],
    [
      'an amount on an honour campaign',
      '/admin/campaigns',
      { title: 't', voucher_type: 'honour', honour_code: 'X', amount: 5 },
      /amount: only a basket campaign takes this field/,
    ],
    [
      'an honour campaign without its code',
      '/admin/campaigns',
      { title: 't', voucher_type: 'honour' },
      /honour_code/,
    ],
    [
      'a fractional lock period',
      '/admin/campaigns',
      { title: 't', voucher_type: 'honour', honour_code: 'X', lock_period_seconds: 1.5 },
      /lock_period_seconds: must be a whole number/,
    ],
    ['a campaign id that is text', '/admin/vouchers', { campaign_id: 'one' }, /campaign_id/],
    [
      'an expiry that is not ISO 8601',
      '/admin/vouchers',
      { campaign_id: FIVE_EURO_CAMPAIGN, expires_at: 'tomorrow' },
      /expires_at: must be an ISO 8601 time/,
    ],
    [
      'a voucher amount with too many decimals',
      '/admin/vouchers',
      { campaign_id: FIVE_EURO_CAMPAIGN, amount: 2.345 },
      /amount: has 3 decimals/,
    ],
    [
      'an amount for an honour voucher',
      '/admin/vouchers',
      { campaign_id: FREE_COFFEE_CAMPAIGN, amount: 2 },
      /amount: only a basket campaign's voucher has an amount/,
    ],
    ['an empty key label', '/admin/api-keys', { label: '  ' }, /label/],
  ];

  it.each(badInputs)(
    '%s → 400 invalid_parameters naming the field, nothing written',
    async (_, path, body, description) => {
      const before = await adminTables(engine.db.kysely);
      expectError(await post(path, body), 400, 'invalid_parameters', description);
      expect(await adminTables(engine.db.kysely)).toEqual(before);
    },
  );

  it.each([
    ['an unknown campaign', { campaign_id: 999 }, 404, 'campaign_not_found'],
    [
      'an unknown member',
      { campaign_id: FIVE_EURO_CAMPAIGN, member_number: '999' },
      404,
      'member_not_found',
    ],
    [
      'a code in use',
      { campaign_id: FIVE_EURO_CAMPAIGN, code: 'DEMO-5EUR' },
      409,
      'already_exists',
    ],
  ] as const)('a voucher for %s is refused, nothing written', async (_, body, status, name) => {
    const before = await adminTables(engine.db.kysely);
    expectError(await post('/admin/vouchers', body), status, name);
    expect(await adminTables(engine.db.kysely)).toEqual(before);
  });

  it('issues an API key once, of the admin’s own role; it works as a key of the chain', async () => {
    const created = await post('/admin/api-keys', { label: 'crm-sync' });
    const key = resultsOf(created).api_key;
    expect(key).toMatch(/^vtk_[0-9a-f]{64}$/);
    const stored = await engine.db.kysely
      .selectFrom('api_keys')
      .select(['label', 'key_hash', 'chain_id', 'role'])
      .where('label', '=', 'crm-sync')
      .executeTakeFirstOrThrow();
    expect(stored.chain_id).toBe(1);
    expect(stored.role).toBe('admin');
    expect(stored.key_hash).not.toContain(String(key));
    const member = await call(engine.url, '/admin/members', {
      json: { member_number: '2000002' },
      bearer: String(key),
    });
    expect(member.status).toBe(200);
    expectError(
      await call(engine.url, '/admin/members', {
        json: { member_number: '2000003' },
        bearer: `${String(key)}x`,
      }),
      401,
      'no_valid_session',
    );
  });

  it('lists the audit trail newest first with voucher keys, filtered by voucher_key', async () => {
    const voucher = await post('/admin/vouchers', {
      campaign_id: FREE_COFFEE_CAMPAIGN,
      member_number: null,
      code: 'AUDIT-COFFEE',
      claimed: true,
    });
    const created = resultsOf(voucher).voucher;
    const key = isRecord(created) ? created.voucher_key : undefined;
    const latest = await call(engine.url, '/admin/audit', { query: { limit: 2 }, session: admin });
    expect(resultsOf(latest)).toMatchObject({
      result_type: 'get-audit-log',
      entries: [
        { action: 'claim', voucher_key: key, actor: 'admin' },
        { action: 'create', voucher_key: key, actor: 'admin' },
      ],
    });

    const fiveEuro = engine.demo?.vouchers.fiveEuro ?? '';
    const filtered = await call(engine.url, '/admin/audit', {
      query: { voucher_key: fiveEuro.toUpperCase() },
      session: admin,
    });
    const entries = resultsOf(filtered).entries;
    expect(Array.isArray(entries) && entries.length).toBe(2);
    expect(entries).toMatchObject([
      { action: 'claim', voucher_key: fiveEuro, actor: 'demo-seed' },
      { action: 'create', voucher_key: fiveEuro, actor: 'demo-seed' },
    ]);

    const everything = resultsOf(
      await call(engine.url, '/admin/audit', { query: { limit: 1000 }, session: admin }),
    ).entries;
    const instants = Array.isArray(everything)
      ? everything.map((entry: unknown) => (isRecord(entry) ? Date.parse(String(entry.at)) : 0))
      : [];
    expect(instants.length).toBeGreaterThan(2);
    expect(instants).toEqual([...instants].sort((a, b) => b - a));
  });

  it.each([
    [{ limit: 0 }, /limit: must be at least 1/],
    [{ limit: 'all' }, /limit: must be a whole number/],
    [{ voucher_key: 'xyz' }, /voucher_key: must be 64 hexadecimal/],
  ])('GET /admin/audit with %o → 400 naming the parameter', async (query, description) => {
    const answer = await call(engine.url, '/admin/audit', { query, session: admin });
    expectError(answer, 400, 'invalid_parameters', description);
  });

  describe('another chain', () => {
    let otherAdmin: Session;
    beforeAll(async () => {
      const db = engine.db.kysely;
      const chainId = await createChain(
        db,
        { name: 'Other Retail', currency: 'GBP', timezone: 'Europe/London' },
        Date.now(),
      );
      expectOk(
        await createAccount(
          db,
          { chainId, username: 'other-admin', password: 'other-admin-pw', role: 'admin' },
          Date.now(),
        ),
      );
      otherAdmin = await loginAs(engine.url, 'other-admin', 'other-admin-pw');
    });

    it('sees none of chain 1: its audit trail, campaigns and member numbers are its own', async () => {
      const audit = await call(engine.url, '/admin/audit', { session: otherAdmin });
      expect(resultsOf(audit).entries).toEqual([]);
      expectError(
        await post('/admin/vouchers', { campaign_id: FIVE_EURO_CAMPAIGN }, { session: otherAdmin }),
        404,
        'campaign_not_found',
      );
      const member = await post(
        '/admin/members',
        { member_number: '1000001' },
        { session: otherAdmin },
      );
      expect(member.status).toBe(200);
    });

    it('converts amounts against its own currency', async () => {
      const campaign = await post(
        '/admin/campaigns',
        { title: '£2', voucher_type: 'basket', amount: '2.00' },
        { session: otherAdmin },
      );
      const results = resultsOf(campaign);
      const voucher = await post(
        '/admin/vouchers',
        { campaign_id: results.campaign_id, claimed: true },
        { session: otherAdmin },
      );
      expect(resultsOf(voucher)).toMatchObject({
        voucher: { voucher_currency_code: 'GBP', voucher_amount: 2, member_number: null },
      });
    });
  });
});

const BOOTSTRAP_KEY = 'a-long-bootstrap-key-123';

describeEachDatabase('admin endpoints with a bootstrap API key', (database) => {
  let engine: TestEngine;
  const asBootstrap = (path: string, json: unknown) =>
    call(engine.url, path, { json, bearer: BOOTSTRAP_KEY });

  beforeAll(async () => {
    engine = await startTestEngine(database, { bootstrapApiKey: BOOTSTRAP_KEY });
  });
  afterAll(async () => engine.close());

  it('sets up chain 1 from nothing: a store and an admin who can sign in', async () => {
    expect((await asBootstrap('/admin/stores', { code: 'S001', name: 'First' })).status).toBe(200);
    const account = await asBootstrap('/admin/accounts', {
      username: 'first-admin',
      password: 'first-admin-pw',
      role: 'admin',
    });
    expect(resultsOf(account)).toMatchObject({ role: 'admin' });
    const admin = await loginAs(engine.url, 'first-admin', 'first-admin-pw');
    const member = await call(engine.url, '/admin/members', {
      json: { member_number: '1' },
      session: admin,
    });
    expect(member.status).toBe(200);
  });

  it('creates a chain, naming the currency and time zone in canonical form', async () => {
    const answer = await asBootstrap('/admin/chains', {
      name: 'Tokyo Retail',
      currency: 'JPY',
      timezone: 'asia/tokyo',
    });
    expect(resultsOf(answer)).toMatchObject({
      result_type: 'create-chain',
      chain_id: 2,
      currency: 'JPY',
      timezone: 'Asia/Tokyo',
    });
  });

  it.each([
    [{ name: 'X', currency: 'EURO', timezone: 'UTC' }, /currency: must be an ISO 4217/],
    [{ name: 'X', currency: 'EUR', timezone: 'Mars/Olympus_Mons' }, /timezone: must be an IANA/],
    [{ name: 'X', currency: 'EUR', timezone: '+01:00' }, /timezone: must be an IANA/],
    [{ currency: 'EUR', timezone: 'UTC' }, /name:/],
  ])('refuses the chain %o naming the field, nothing written', async (body, description) => {
    const before = await adminTables(engine.db.kysely);
    expectError(await asBootstrap('/admin/chains', body), 400, 'invalid_parameters', description);
    expect(await adminTables(engine.db.kysely)).toEqual(before);
  });

  it('a key of a JPY chain is held to whole yen', async () => {
    const chainId = await createChain(
      engine.db.kysely,
      { name: 'Osaka Retail', currency: 'JPY', timezone: 'Asia/Tokyo' },
      Date.now(),
    );
    const key = await createOperatorKey(engine.db.kysely, chainId, 'osaka', Date.now());
    const refused = await call(engine.url, '/admin/campaigns', {
      json: { title: 'yen', voucher_type: 'basket', amount: 500.5 },
      bearer: key,
    });
    expectError(refused, 400, 'invalid_parameters', /amount: has 1 decimals but JPY allows no/);
    const accepted = await call(engine.url, '/admin/campaigns', {
      json: { title: 'yen', voucher_type: 'basket', amount: 500 },
      bearer: key,
    });
    expect(accepted.status).toBe(200);
  });
});
