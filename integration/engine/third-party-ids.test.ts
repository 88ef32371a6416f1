import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOperatorKey } from '../../src-engine/domain/api-keys';
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

/* Vouchers named by their third_party_id, on a chain that uses those and on one that does not. */

const BOOTSTRAP_KEY = 'a-long-bootstrap-key-for-third-party-ids';

describeEachDatabase('third-party voucher ids', (database) => {
  let engine: TestEngine;
  /** A privileged key of a chain with uses_third_party_voucher_id on. */
  let key: string;
  let chainId: number;
  let campaignId: number;

  const send = (method: string, path: string, form: Record<string, string | number>) =>
    call(engine.url, path, { method, form: { chain_id: chainId, ...form }, bearer: key });
  function results(answer: Answer): Record<string, unknown> {
    expect(answer.status).toBe(200);
    return isRecord(answer.body.results) ? answer.body.results : {};
  }
  function expectError(answer: Answer, status: number, name: string, description: RegExp) {
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ error: { name } });
    expect(JSON.stringify(answer.body.error)).toMatch(description);
  }
  const issue = async (thirdPartyId: string) =>
    results(
      await send('POST', '/create-voucher', {
        campaign_id: campaignId,
        member_number: 'M1',
        third_party_id: thirdPartyId,
      }),
    );

  beforeEach(async () => {
    engine = await startTestEngine(database, { demo: true, bootstrapApiKey: BOOTSTRAP_KEY });
    const chain = results(
      await call(engine.url, '/admin/chains', {
        json: {
          name: 'Third Party Retail',
          currency: 'EUR',
          timezone: 'UTC',
          uses_third_party_voucher_id: true,
        },
        bearer: BOOTSTRAP_KEY,
      }),
    );
    expect(chain).toMatchObject({ uses_third_party_voucher_id: true });
    chainId = Number(chain.chain_id);
    key = await createOperatorKey(engine.db.kysely, chainId, 'third-party', Date.now());
    results(
      await call(engine.url, '/admin/members', {
        json: { member_number: 'M1', username: 'm1@example.com' },
        bearer: key,
      }),
    );
    results(
      await call(engine.url, '/admin/members', { json: { member_number: 'M2' }, bearer: key }),
    );
    const campaign = results(
      await call(engine.url, '/admin/campaigns', {
        json: { title: '€5 off', voucher_type: 'basket', amount: 5 },
        bearer: key,
      }),
    );
    campaignId = Number(campaign.campaign_id);
  });
  afterEach(async () => engine.close());

  it('create-voucher sets it; claim, lock, unlock, unclaim and expire name the voucher by it', async () => {
    const created = await issue('EXT-1');
    const named = { third_party_id: 'EXT-1' };
    expect(
      results(await send('POST', '/claim-voucher', { ...named, username: 'm1@example.com' })),
    ).toMatchObject({ voucher_key: created.voucher_key, voucher_status: 'claimed' });
    expect(results(await send('PUT', '/lock-voucher', named))).toMatchObject({
      voucher_locked: true,
    });
    expect(results(await send('PUT', '/unlock-voucher', named))).toMatchObject({
      voucher_locked: false,
    });
    expect(results(await send('POST', '/unclaim-voucher', named))).toMatchObject({
      voucher_status: 'generated',
    });
    await send('POST', '/claim-voucher', named);
    expect(results(await send('POST', '/expire-voucher', named))).toMatchObject({
      voucher_key: created.voucher_key,
    });
  });

  it('redeem-voucher and delete-voucher name it too', async () => {
    await issue('EXT-2');
    await issue('EXT-3');
    await send('POST', '/claim-voucher', { third_party_id: 'EXT-2' });
    await send('POST', '/claim-voucher', { third_party_id: 'EXT-3' });
    expect(
      results(await send('POST', '/auth/redeem-voucher', { third_party_id: 'EXT-2' })),
    ).toMatchObject({ voucher_status: 'redeemed' });
    expect(
      results(await send('DELETE', '/delete-voucher', { third_party_id: 'EXT-3' })),
    ).toMatchObject({ result_type: 'delete-voucher' });
  });

  it('get-vouchers filters by it', async () => {
    const first = await issue('EXT-4');
    await issue('EXT-5');
    const list = results(
      await call(engine.url, '/get-vouchers', {
        query: { chain_id: chainId, third_party_id: 'EXT-4' },
        bearer: key,
      }),
    );
    expect(list.results_count_total).toBe(1);
    expect(list.vouchers).toMatchObject([{ voucher_key: first.voucher_key }]);
  });

  it('refuses a third-party id another voucher of the chain has, nothing written', async () => {
    await issue('EXT-6');
    const before = await snapshot(engine.db.kysely);
    const answer = await send('POST', '/create-voucher', {
      campaign_id: campaignId,
      member_number: 'M2',
      third_party_id: 'EXT-6',
    });
    expectError(answer, 409, 'already_exists', /third_party_id EXT-6 is taken/);
    expect(await snapshot(engine.db.kysely)).toEqual(before);
  });

  it('refuses names that fit no one voucher, and an owner it does not belong to', async () => {
    const first = await issue('EXT-7');
    await issue('EXT-8');
    expectError(
      await send('POST', '/claim-voucher', {
        third_party_id: 'EXT-8',
        voucher_key: String(first.voucher_key),
      }),
      404,
      'voucher_not_found',
      /no voucher/,
    );
    expectError(
      await send('POST', '/claim-voucher', { third_party_id: 'EXT-404' }),
      404,
      'voucher_not_found',
      /third_party_id EXT-404/,
    );
    expectError(
      await send('POST', '/claim-voucher', { third_party_id: 'EXT-7', member_number: 'M2' }),
      404,
      'voucher_not_found',
      /does not belong/,
    );
  });

  describe('on a chain that does not use them', () => {
    let admin: Session;
    beforeEach(async () => {
      admin = await loginAs(engine.url, 'admin', 'demo-admin');
    });

    it.each([
      ['POST', '/claim-voucher', { third_party_id: 'EXT-1' }],
      ['POST', '/unclaim-voucher', { third_party_id: 'EXT-1' }],
      ['PUT', '/lock-voucher', { third_party_id: 'EXT-1' }],
      ['POST', '/auth/redeem-voucher', { third_party_id: 'EXT-1' }],
      [
        'POST',
        '/create-voucher',
        { campaign_id: 1, member_number: '1000001', third_party_id: 'EXT-1' },
      ],
      ['GET', '/get-vouchers', { chain_id: 1, third_party_id: 'EXT-1' }],
    ])('%s %s is refused, naming the field and the setting', async (method, path, fields) => {
      const before = await snapshot(engine.db.kysely);
      const answer = await call(engine.url, path, {
        method,
        ...(method === 'GET' ? { query: fields } : { form: fields }),
        session: admin,
      });
      expectError(
        answer,
        400,
        'invalid_parameters',
        /third_party_id: .*uses_third_party_voucher_id/,
      );
      expect(await snapshot(engine.db.kysely)).toEqual(before);
    });
  });
});
