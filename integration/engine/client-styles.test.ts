import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appliedKeys, basketRequest, item } from '../../test-support/engine/baskets';
import {
  call,
  isRecord,
  loginAs,
  type Answer,
  type Session,
} from '../../test-support/engine/client';
import { issueDemoVoucher } from '../../test-support/engine/demo-vouchers';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';

/*
 * How real Spaaza clients call: sessions named by user name (and the older header names),
 * multipart/form-data bodies, and numbers and flags written as text in a basket.
 */
describeEachDatabase('what real Spaaza clients send', (database) => {
  let engine: TestEngine;
  let till: Session;
  let admin: Session;

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
    till = await loginAs(engine.url, 'till-s001-01', 'demo-till');
    admin = await loginAs(engine.url, 'admin', 'demo-admin');
  });
  afterAll(async () => engine.close());

  const getCard = (headers: Record<string, string>) =>
    call(engine.url, '/get-card', { query: { member_number: '1000001' }, headers });

  async function multipart(
    method: string,
    path: string,
    session: Session,
    form: FormData,
  ): Promise<Answer> {
    const response = await fetch(`${engine.url}${path}`, {
      method,
      headers: {
        'x-spaaza-session-user-id': String(session.userId),
        'x-spaaza-session-key': session.key,
      },
      body: form,
    });
    const parsed: unknown = await response.json();
    return { status: response.status, body: isRecord(parsed) ? parsed : {} };
  }

  const formOf = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return form;
  };

  const voucherRow = (key: string) =>
    engine.db.kysely
      .selectFrom('vouchers')
      .selectAll()
      .where('voucher_key', '=', key)
      .executeTakeFirstOrThrow();

  describe('sessions named by user name', () => {
    it('accepts X-Spaaza-Session-Username with the session key', async () => {
      const answer = await getCard({
        'X-Spaaza-Session-Username': 'till-s001-01',
        'X-Spaaza-Session-Key': till.key,
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ results: { user_info: { member_number: '1000001' } } });
    });

    it.each([
      ['session-user-id', 'session-key', (s: Session) => String(s.userId)],
      ['session_user_id', 'session-key', (s: Session) => String(s.userId)],
      ['session_username', 'session-key', () => 'till-s001-01'],
    ])('accepts the older header names %s and %s', async (who, keyHeader, value) => {
      const answer = await getCard({ [who]: value(till), [keyHeader]: till.key });
      expect(answer.status).toBe(200);
    });

    it('refuses a key that is not the named account’s live session', async () => {
      const otherAccount = await getCard({
        'X-Spaaza-Session-Username': 'manager-s001',
        'X-Spaaza-Session-Key': till.key,
      });
      expect(otherAccount.status).toBe(401);
      expect(otherAccount.body).toMatchObject({ error: { name: 'no_valid_session' } });
      const unknown = await getCard({
        'X-Spaaza-Session-Username': 'nobody',
        'X-Spaaza-Session-Key': till.key,
      });
      expect(unknown.status).toBe(401);
      const mismatched = await getCard({
        'X-Spaaza-Session-User-Id': String(admin.userId),
        'X-Spaaza-Session-Username': 'till-s001-01',
        'X-Spaaza-Session-Key': till.key,
      });
      expect(mismatched.status).toBe(401);
    });

    it('logs in, then works and logs out by user name; the ended session is refused', async () => {
      const session = await loginAs(engine.url, 'manager-s001', 'demo-manager');
      const headers = {
        'X-Spaaza-Session-Username': 'manager-s001',
        'X-Spaaza-Session-Key': session.key,
      };
      expect((await getCard(headers)).status).toBe(200);
      const out = await call(engine.url, '/auth/logout', { method: 'POST', headers });
      expect(out.status).toBe(200);
      expect((await getCard(headers)).status).toBe(401);
    });
  });

  describe('multipart/form-data bodies', () => {
    it('lock-voucher sent as multipart locks the voucher', async () => {
      const key = await issueDemoVoucher(engine.db.kysely, 'MULTIPART-LOCK', 500);
      const answer = await multipart(
        'PUT',
        '/lock-voucher',
        till,
        formOf({
          voucher_key: key,
          retailer_basket_code: 'S001-01-MULTIPART-1',
          voucher_locking_code: 'L-MULTIPART',
          voucher_lock_period: '120',
        }),
      );
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        results: {
          result_type: 'lock-voucher',
          voucher_locked: true,
          voucher_locking_code: 'L-MULTIPART',
        },
      });
      const row = await voucherRow(key);
      expect(row.lock_code).toBe('L-MULTIPART');
      expect(row.lock_basket_code).toBe('S001-01-MULTIPART-1');
    });

    it('create-voucher sent as multipart issues the voucher', async () => {
      const campaign = await engine.db.kysely
        .selectFrom('campaigns')
        .select('id')
        .where('voucher_type', '=', 'basket')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const answer = await multipart(
        'POST',
        '/create-voucher',
        admin,
        formOf({
          campaign_id: String(campaign.id),
          member_number: '1000002',
          voucher_amount: '7.50',
          set_claimed: 'true',
          expiry_date: '2027-01-31',
          voucher_code: 'MULTIPART-CREATED',
        }),
      );
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        results: {
          result_type: 'create-voucher',
          voucher_code: 'MULTIPART-CREATED',
          voucher_status: 'claimed',
          voucher_amount: 7.5,
          member_number: '1000002',
        },
      });
    });

    it('refuses a file, naming its field, and changes nothing', async () => {
      const key = await issueDemoVoucher(engine.db.kysely, 'MULTIPART-FILE', 500);
      const form = formOf({ voucher_key: key, retailer_basket_code: 'S001-01-MULTIPART-2' });
      form.append('receipt', new Blob(['%PDF-1.4'], { type: 'application/pdf' }), 'receipt.pdf');
      const answer = await multipart('PUT', '/lock-voucher', till, form);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { name: 'invalid_parameters' } });
      expect(JSON.stringify(answer.body.error)).toContain('receipt');
      expect((await voucherRow(key)).lock_until).toBeNull();
    });

    it('refuses more fields than a form may have as body_too_large', async () => {
      const fields: Record<string, string> = {};
      for (let index = 0; index < 101; index += 1) fields[`f${String(index)}`] = 'x';
      const answer = await multipart('PUT', '/lock-voucher', till, formOf(fields));
      expect(answer.status).toBe(413);
      expect(answer.body).toMatchObject({ error: { name: 'body_too_large' } });
    });

    it('refuses a field bigger than a body may be as body_too_large', async () => {
      const answer = await multipart(
        'PUT',
        '/lock-voucher',
        till,
        formOf({ voucher_key: 'a'.repeat(300 * 1024) }),
      );
      expect(answer.status).toBe(413);
    });

    it('refuses a body that is not multipart at all as malformed_body', async () => {
      const answer = await call(engine.url, '/lock-voucher', {
        method: 'PUT',
        session: till,
        headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
        rawBody: '--XYZ\r\nthis is not a part header\r\n\r\nvalue\r\n',
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { name: 'malformed_body' } });
    });
  });

  describe('numbers and flags as text in a basket', () => {
    let seq = 0;
    const code = () => `S001-01-20261125-${String((seq += 1)).padStart(4, '0')}`;
    const price = (body: unknown) =>
      call(engine.url, '/auth/get-basket-price', { json: body, session: till });
    const confirm = (body: unknown) =>
      call(engine.url, '/auth/add-basket', { json: body, session: till });

    /** The same sale twice: once with JSON numbers and flags, once as a PHP client writes it. */
    async function twins() {
      const numeric = await issueDemoVoucher(engine.db.kysely, `NUMERIC-${String(seq)}`, 500);
      const textual = await issueDemoVoucher(engine.db.kysely, `TEXTUAL-${String(seq)}`, 500);
      const build = (voucherKey: string, asText: boolean) => {
        const n = (value: number) => (asText ? String(value) : value);
        const request = basketRequest(
          code(),
          [
            item('a', 0, 1, { item_price: n(0.1), item_quantity: n(3) }),
            item('b', 0, 1, { item_price: n(0.2), item_quantity: n(1.5) }),
            item('c', 0, 1, {
              item_price: asText ? '20.00' : 20,
              item_quantity: n(2),
              excluded_from_spaaza: asText ? '0' : false,
            }),
          ],
          { member: null, vouchers: [{ voucher_key: voucherKey }] },
        );
        return {
          entity: { ...request.entity, entity_id: asText ? '1' : 1 },
          basket: {
            ...request.basket,
            basket_voucher_lock_exclusively: asText ? 'true' : true,
            basket_total_price: asText ? '40.60' : 40.6,
          },
        };
      };
      return { numeric: build(numeric, false), textual: build(textual, true) };
    }

    /** A priced basket without what differs between the twins: their codes and voucher keys. */
    const comparable = (body: Record<string, unknown>) =>
      JSON.stringify(body.results)
        .replace(/S001-01-\d{8}-\d{4}/g, 'BASKET')
        .replace(/"voucher_(locked_until|expiry_datetime_utc|expiry_seconds_remaining)":[^,]*/g, '')
        .replace(/"basket_id":\d+/g, '')
        .replace(/[0-9a-f]{64}/g, 'KEY')
        .replace(/"voucher_id":\d+/g, '')
        .replace(/(NUMERIC|TEXTUAL)-\d+/g, 'CODE')
        .replace(/"voucher_(created|redeemed)_datetime":"[^"]*"/g, '');

    it('prices a basket with string numbers and flags exactly as the numeric one', async () => {
      const { numeric, textual } = await twins();
      const a = await price(numeric);
      const b = await price(textual);
      expect(a.status).toBe(200);
      expect(b.status).toBe(200);
      expect(appliedKeys(b.body)).toHaveLength(1);
      expect(comparable(b.body)).toEqual(comparable(a.body));
      expect(b.body).toMatchObject({
        results: { basket: { basket_total_price: 40.6, basket_total_adjusted_price: 35.6 } },
      });
    });

    it('stores a basket with string numbers exactly as the numeric one', async () => {
      const { numeric, textual } = await twins();
      const a = await confirm(numeric);
      const b = await confirm(textual);
      expect(b.status).toBe(200);
      expect(comparable(b.body)).toEqual(comparable(a.body));
      const stored = async (answer: Answer) => {
        const results = answer.body.results;
        const basket = isRecord(results) && isRecord(results.basket) ? results.basket : {};
        const id = typeof basket.basket_id === 'number' ? basket.basket_id : -1;
        const row = await engine.db.kysely
          .selectFrom('baskets')
          .select(['total_gross', 'total_discount'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        const items = await engine.db.kysely
          .selectFrom('basket_items')
          .select(['line_id', 'quantity', 'unit_price', 'gross', 'discount'])
          .where('basket_id', '=', id)
          .orderBy('line_id')
          .execute();
        return { row, items };
      };
      const numericRows = await stored(a);
      expect(await stored(b)).toEqual(numericRows);
      expect(numericRows.row.total_gross).toBe(4060);
    });

    it.each([
      ['basket.basket_items[0].item_price', { item_price: '20.0.0' }],
      ['basket.basket_items[0].item_price', { item_price: '1e3' }],
      ['basket.basket_items[0].item_price', { item_price: '0x10' }],
      ['basket.basket_items[0].item_price', { item_price: '' }],
      ['basket.basket_items[0].item_price', { item_price: '0.10000000000000001' }],
      ['basket.basket_items[0].item_quantity', { item_quantity: 'two' }],
      ['basket.basket_items[0].return_item', { return_item: 'yes' }],
    ])('refuses bad text as invalid_parameters naming %s', async (path, extra) => {
      const answer = await price(
        basketRequest(code(), [item('a', 10, 1, extra)], { member: null }),
      );
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { name: 'invalid_parameters' } });
      expect(JSON.stringify(answer.body.error)).toContain(path);
    });

    it('refuses text for entity_id that is not a whole number, naming it', async () => {
      const request = basketRequest(code(), [item('a', 10)], { member: null });
      const answer = await price({ ...request, entity: { ...request.entity, entity_id: '1.5' } });
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body.error)).toContain('entity.entity_id');
    });
  });
});
