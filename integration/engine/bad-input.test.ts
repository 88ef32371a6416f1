import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getBasketPriceRequestSchema, parseWith } from '../../src-shared/wire';
import { getBasketPrice } from '../../src-engine/domain/get-basket-price';
import { basketRequest, item } from '../../test-support/engine/baskets';
import { call, loginAs, type CallOptions, type Session } from '../../test-support/engine/client';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';
import { captureLog } from '../../test-support/engine/log-capture';
import { snapshot } from '../../test-support/engine/snapshot';

describeEachDatabase('bad input at the engine’s HTTP boundary', (database) => {
  let engine: TestEngine;
  let till: Session;
  let admin: Session;
  const captured = captureLog();

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true, log: captured.log });
    till = await loginAs(engine.url, 'till-s001-01', 'demo-till');
    admin = await loginAs(engine.url, 'admin', 'demo-admin');
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
      'a number sent as text that is not plain decimal',
      '/auth/add-basket',
      () => ({ json: withItem({ item_price: '10,00' }), session: till }),
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
      'a time zone that is not an IANA name',
      '/auth/add-basket',
      () => ({
        json: basketRequest('S001-01-BAD-0001', [item('a', 10)], {
          extra: { basket_timezone_name: 'Mars/Olympus' },
        }),
        session: till,
      }),
      400,
      'invalid_parameters',
      /basket\.basket_timezone_name/,
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
      'a gzip body that is not gzip',
      '/auth/add-basket',
      () => ({
        rawBody: 'this is not gzip',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        session: till,
      }),
      400,
      'malformed_body',
      /not valid gzip data/,
    ],
    [
      'a deflate form body that is not deflate',
      '/auth/login',
      () => ({
        rawBody: 'username=x&password=y',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-encoding': 'deflate',
        },
      }),
      400,
      'malformed_body',
      /not valid deflate data/,
    ],
    [
      'a br body that is not br',
      '/auth/get-basket-price',
      () => ({
        rawBody: '{{{{',
        headers: { 'content-type': 'application/json', 'content-encoding': 'br' },
        session: till,
      }),
      400,
      'malformed_body',
      /not valid br data/,
    ],
    [
      'an unknown content encoding',
      '/auth/add-basket',
      () => ({
        rawBody: JSON.stringify(valid()),
        headers: { 'content-type': 'application/json', 'content-encoding': 'zstd-ish' },
        session: till,
      }),
      415,
      'unsupported_media_type',
      /unsupported encoding/,
    ],
    [
      'a form body of 101 parameters',
      '/auth/login',
      () => ({
        form: Object.fromEntries(Array.from({ length: 101 }, (_, index) => [`p${index}`, 'x'])),
      }),
      413,
      'body_too_large',
      /more than 100 parameters/,
    ],
    [
      'an expiry_date that is no date',
      '/create-voucher',
      () => ({
        json: { campaign_id: 1, member_number: '1000001', expiry_date: 'next tuesday' },
        session: admin,
      }),
      400,
      'invalid_parameters',
      /expiry_date: must be a date/,
    ],
    [
      'an expires_at on a day the month does not have',
      '/admin/vouchers',
      () => ({
        json: { campaign_id: 1, member_number: '1000001', expires_at: '2031-02-31T00:00:00Z' },
        session: admin,
      }),
      400,
      'invalid_parameters',
      /expires_at: is not a date in the calendar/,
    ],
    [
      'a NUL in the username of a login',
      '/auth/login',
      () => ({ json: { username: 'till-s001-01\u0000', password: 'demo-till' } }),
      400,
      'invalid_parameters',
      /username: must not contain the NUL character/,
    ],
    [
      'a NUL in a form field',
      '/admin/members',
      () => ({ form: { member_number: '42\u000042', name: 'x' }, session: admin }),
      400,
      'invalid_parameters',
      /member_number: must not contain the NUL/,
    ],
    [
      'a NUL in a basket line',
      '/auth/add-basket',
      () => ({ json: withItem({ item_name: 'tea\u0000' }), session: till }),
      400,
      'invalid_parameters',
      /basket\.basket_items\[0\]\.item_name: must not contain the NUL/,
    ],
    [
      'a NUL in a field name',
      '/auth/add-basket',
      () => ({ json: withItem({ 'note\u0000': 'x' }), session: till }),
      400,
      'invalid_parameters',
      /basket\.basket_items\[0\]: a field name must not contain the NUL/,
    ],
    [
      'a NUL in the query string',
      '/get-vouchers',
      () => ({ query: { member_number: '1000001\u0000' }, session: admin }),
      400,
      'invalid_parameters',
      /query\.member_number: must not contain the NUL/,
    ],
    [
      'a malformed % escape in a path id',
      '/admin/webhooks/%E0%A4%A',
      () => ({ method: 'DELETE', session: admin }),
      400,
      'invalid_parameters',
      /path.*percent-encoding/,
    ],
    [
      'a line total above the largest amount',
      '/auth/get-basket-price',
      () => ({
        json: withItem({ item_price: 9_000_000_000_000, item_quantity: 1000 }),
        session: till,
      }),
      400,
      'invalid_parameters',
      /basket\.basket_items\[0\]\.item_price: times item_quantity is beyond the largest/,
    ],
    [
      'lines that add up to more than the largest amount',
      '/auth/add-basket',
      () => ({
        json: basketRequest(
          'S001-01-BAD-0001',
          [item('a', 9_000_000_000_000), item('b', 9_000_000_000_000)],
          { vouchers: [{ voucher_code: 'DEMO-5EUR' }] },
        ),
        session: till,
      }),
      400,
      'invalid_parameters',
      /basket\.basket_items: the lines add up to more than the largest/,
    ],
    [
      'nesting 5,000 levels deep in a loose field',
      '/auth/get-basket-price',
      () => ({
        rawBody: JSON.stringify(valid()).replace(
          '"item_price":10',
          `"item_price":10,"note":${'['.repeat(5000)}${']'.repeat(5000)}`,
        ),
        headers: { 'content-type': 'application/json' },
        session: till,
      }),
      400,
      'invalid_parameters',
      /is nested deeper than 32 levels/,
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
  it('a pricing whose answer cannot be built locks nothing', async () => {
    const request = parseWith(getBasketPriceRequestSchema, valid());
    if (!request.ok) throw new Error('the valid basket does not parse');
    const actor = {
      chainId: 1,
      role: 'terminal' as const,
      name: 'till-s001-01',
      accountId: till.userId,
    };
    const before = await snapshot(engine.db.kysely);
    await expect(
      getBasketPrice(engine.db.kysely, actor, request.value, Date.now(), (pricing) => {
        expect(pricing.priced.applied).toHaveLength(1);
        throw new RangeError('the answer could not be built');
      }),
    ).rejects.toThrow('the answer could not be built');
    expect(await snapshot(engine.db.kysely)).toEqual(before);
  });

  it('a malformed % escape under a WLL prefix is refused in the WLL envelope', async () => {
    for (const path of ['/events/%zz', '/benefits/%E0%A4%A', '/events/%00']) {
      const answer = await call(engine.url, path, { session: admin });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        status: 'error',
        error: { code: 'INVALID_PARAMETERS' },
      });
    }
  });

  it('a client that goes away in the middle of its body is logged as such, not as an error', async () => {
    const errorsBefore = captured.errors().length;
    const url = new URL(`${engine.url}/auth/add-basket`);
    await new Promise<void>((resolve) => {
      const request = httpRequest({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': '10000',
          'x-spaaza-session-user-id': String(till.userId),
          'x-spaaza-session-key': till.key,
        },
      });
      request.on('error', () => {
        resolve();
      });
      request.on('close', () => {
        resolve();
      });
      request.write('{"entity": {', () => {
        setTimeout(() => request.destroy(), 50);
      });
    });
    const wentAway = () => captured.entries.some((entry) => entry.msg === 'client went away');
    for (let waited = 0; waited < 5000 && !wentAway(); waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(wentAway()).toBe(true);
    expect(captured.errors().slice(errorsBefore)).toEqual([]);
  });

  it('none of the refusals above was logged as an error', () => {
    expect(captured.errors()).toEqual([]);
  });
});
