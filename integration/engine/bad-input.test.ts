import { afterAll, beforeAll, expect, it } from 'vitest';
import { basketRequest, item } from '../../test-support/engine/baskets';
import { call, loginAs, type CallOptions, type Session } from '../../test-support/engine/client';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';
import { snapshot } from '../../test-support/engine/snapshot';

describeEachDatabase('bad input at the engine’s HTTP boundary', (database) => {
  let engine: TestEngine;
  let till: Session;

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
    till = await loginAs(engine.url, 'till-s001-01', 'demo-till');
  });
  afterAll(async () => engine.close());

  const valid = () =>
    basketRequest('S001-01-BAD-0001', [item('a', 10)], {
      vouchers: [{ voucher_code: 'DEMO-5EUR' }],
    });
  const withItem = (extra: Record<string, unknown>) =>
    basketRequest('S001-01-BAD-0001', [{ ...item('a', 10), ...extra }], {
      vouchers: [{ voucher_code: 'DEMO-5EUR' }],
    });

  const cases: [string, string, () => CallOptions, number, string, RegExp][] = [
    [
      'malformed JSON',
      '/auth/add-basket',
      () => ({
        rawBody: '{"entity": {',
        headers: { 'content-type': 'application/json' },
        session: till,
      }),
      400,
      'malformed_body',
      /not valid JSON/,
    ],
    [
      'a number sent as text',
      '/auth/add-basket',
      () => ({ json: withItem({ item_price: '10.00' }), session: till }),
      400,
      'invalid_parameters',
      /basket\.basket_items\[0\]\.item_price: .*number/,
    ],
    [
      'a negative quantity',
      '/auth/add-basket',
      () => ({ json: withItem({ item_quantity: -1 }), session: till }),
      400,
      'invalid_parameters',
      /item_quantity/,
    ],
    [
      'an absurd quantity',
      '/auth/add-basket',
      () => ({ json: withItem({ item_quantity: 1e9 }), session: till }),
      400,
      'invalid_parameters',
      /item_quantity/,
    ],
    [
      'an absurd price',
      '/auth/add-basket',
      () => ({ json: withItem({ item_price: 1e300 }), session: till }),
      400,
      'invalid_parameters',
      /item_price: is too large/,
    ],
    [
      'too many decimals',
      '/auth/add-basket',
      () => ({ json: withItem({ item_price: 0.001 }), session: till }),
      400,
      'invalid_parameters',
      /item_price: has 3 decimals but EUR allows at most 2/,
    ],
    [
      'a malformed voucher key',
      '/auth/add-basket',
      () => ({
        json: basketRequest('S001-01-BAD-0001', [item('a', 10)], {
          vouchers: [{ voucher_key: 'xyz' }],
        }),
        session: till,
      }),
      400,
      'invalid_parameters',
      /voucher_key: must be 64 hexadecimal/,
    ],
    [
      'an oversized body',
      '/auth/add-basket',
      () => ({ json: withItem({ item_name: 'x'.repeat(300_000) }), session: till }),
      413,
      'body_too_large',
      /larger than/,
    ],
    [
      'no session',
      '/auth/add-basket',
      () => ({ json: valid() }),
      401,
      'no_valid_session',
      /log in/,
    ],
    [
      'a made-up session',
      '/auth/add-basket',
      () => ({ json: valid(), session: { userId: till.userId, key: 'f'.repeat(64) } }),
      401,
      'no_valid_session',
      /log in/,
    ],
    [
      'a bad API key',
      '/auth/add-basket',
      () => ({ json: valid(), bearer: 'vtk_nope' }),
      401,
      'no_valid_session',
      /API key/,
    ],
    [
      'another chain',
      '/auth/add-basket',
      () => ({
        json: { ...valid(), entity: { entity_type: 'chain', entity_id: 2 } },
        session: till,
      }),
      403,
      'permission_denied_or_non_existent',
      /chain 2/,
    ],
    [
      'another currency',
      '/auth/get-basket-price',
      () => ({
        json: basketRequest('S001-01-BAD-0001', [item('a', 10)], {
          extra: { basket_currency: { currency_code: 'GBP' } },
        }),
        session: till,
      }),
      400,
      'invalid_parameters',
      /sells in EUR/,
    ],
    [
      'an unknown member',
      '/auth/get-basket-price',
      () => ({
        json: basketRequest('S001-01-BAD-0001', [item('a', 10)], { member: '999' }),
        session: till,
      }),
      404,
      'member_not_found',
      /999/,
    ],
    [
      'a form body for a JSON call',
      '/auth/get-basket-price',
      () => ({ form: { basket: 'x' }, session: till }),
      415,
      'unsupported_media_type',
      /application\/json/,
    ],
    [
      'a wrong password',
      '/auth/login',
      () => ({ form: { username: 'till-s001-01', password: 'nope' } }),
      401,
      'password_error_or_non_existent',
      /wrong username or password/,
    ],
    [
      'an unknown call',
      '/auth/delete-everything',
      () => ({ json: {}, session: till }),
      404,
      'not_found',
      /no such call/,
    ],
  ];

  it.each(cases)(
    '%s → %i, %s is refused and changes nothing',
    async (_, path, options, status, name, description) => {
      const before = await snapshot(engine.db.kysely);
      const answer = await call(engine.url, path, options());
      expect(answer.status).toBe(status);
      expect(answer.body).toMatchObject({ result: { code: 2, status: 'error' }, error: { name } });
      expect(JSON.stringify(answer.body.error)).toMatch(description);
      expect(await snapshot(engine.db.kysely)).toEqual(before);
    },
  );

  it('the valid request the cases break is accepted', async () => {
    const answer = await call(engine.url, '/auth/add-basket', { json: valid(), session: till });
    expect(answer.status).toBe(200);
  });

  it('validate_voucher with a bad body answers in the WLL envelope, in any letter case of its path', async () => {
    for (const path of ['/commands/validate_voucher', '/COMMANDS/VALIDATE_VOUCHER']) {
      const answer = await call(engine.url, path, { json: { code: 42 }, session: till });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ status: 'error', error: { code: 'INVALID_PARAMETERS' } });
      expect(answer.body).not.toHaveProperty('result');
    }
  });

  it('a malformed body and an unknown call under a WLL prefix answer in the WLL envelope', async () => {
    const malformed = await call(engine.url, '/Commands/validate_voucher', {
      rawBody: '{"code":',
      headers: { 'content-type': 'application/json' },
      session: till,
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ status: 'error', error: { code: 'MALFORMED_BODY' } });
    const unknown = await call(engine.url, '/commands/no_such_command', {
      json: {},
      session: till,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ status: 'error', error: { code: 'NOT_FOUND' } });
  });

  it('a Spaaza call in another letter case still answers in the Spaaza envelope', async () => {
    const answer = await call(engine.url, '/LOCK-VOUCHER', {
      method: 'PUT',
      form: { voucher_key: 'not-a-key' },
      session: till,
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      result: { code: 2, status: 'error' },
      error: { name: 'invalid_parameters' },
    });
  });
});
