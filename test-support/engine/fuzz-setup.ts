import { createAccount, createChain, createStore } from '../../src-engine/domain/admin';
import { expectOk } from '../../src-engine/domain/refusal';
import { call, loginAs, type Session } from './client';
import type { FuzzCaller } from './fuzz-run';
import type { FuzzData } from './fuzz-routes';
import type { TestEngine } from './harness';

/** The privileged API key the fuzzed engine is started with (ENGINE_BOOTSTRAP_API_KEY). */
export const FUZZ_API_KEY = `vtk_${'f0'.repeat(32)}`;

const LOGIN = { username: 'fuzz-login', password: 'fuzz-login-password' };
const NO_ID = ['00000000-0000-4000-8000-000000000000'];

const sessionHeaders = (session: Session) => ({
  'x-spaaza-session-user-id': String(session.userId),
  'x-spaaza-session-key': session.key,
});

async function accountCaller(url: string, name: string, username: string, password: string) {
  let session = await loginAs(url, username, password);
  const caller: FuzzCaller = {
    name,
    headers: () => sessionHeaders(session),
    renew: async () => {
      session = await loginAs(url, username, password);
    },
  };
  return caller;
}

/**
 * Every kind of caller the engine knows: no one, strangers with made-up sessions and keys, each
 * account role of the demo chain, the privileged API key (both headers), and the accounts of
 * another chain. Also makes the account the fuzzed login call uses.
 */
export async function fuzzCallers(engine: TestEngine): Promise<FuzzCaller[]> {
  const db = engine.db.kysely;
  const now = Date.now();
  expectOk(
    await createAccount(db, { chainId: 1, ...LOGIN, role: 'terminal', storeCode: 'S001' }, now),
  );
  const other = await createChain(
    db,
    { name: 'Other chain', currency: 'EUR', timezone: 'Europe/Amsterdam' },
    now,
  );
  expectOk(await createStore(db, { chainId: other, code: 'O001', name: 'Other store' }));
  for (const role of ['terminal', 'admin'] as const)
    expectOk(
      await createAccount(
        db,
        {
          chainId: other,
          username: `other-${role}`,
          password: `other-${role}-password`,
          role,
          ...(role === 'terminal' ? { storeCode: 'O001' } : {}),
        },
        now,
      ),
    );
  const accounts = await Promise.all([
    accountCaller(engine.url, 'terminal', 'till-s001-01', 'demo-till'),
    accountCaller(engine.url, 'manager', 'manager-s001', 'demo-manager'),
    accountCaller(engine.url, 'admin', 'admin', 'demo-admin'),
    accountCaller(engine.url, 'other chain terminal', 'other-terminal', 'other-terminal-password'),
    accountCaller(engine.url, 'other chain admin', 'other-admin', 'other-admin-password'),
  ]);
  return [
    { name: 'no caller', headers: () => ({}) },
    {
      name: 'made-up session',
      headers: () => ({ 'x-spaaza-session-user-id': '3', 'x-spaaza-session-key': 'ab'.repeat(32) }),
    },
    {
      name: 'malformed session',
      headers: () => ({ 'x-spaaza-session-user-id': '-1e99', 'x-spaaza-session-key': '%00' }),
    },
    { name: 'made-up API key', headers: () => ({ authorization: `Bearer vtk_${'0'.repeat(64)}` }) },
    { name: 'privileged API key', headers: () => ({ authorization: `Bearer ${FUZZ_API_KEY}` }) },
    { name: 'privileged X-Api-Key', headers: () => ({ 'x-api-key': FUZZ_API_KEY }) },
    ...accounts,
  ];
}

/** What valid requests name, read from the database as it is now. */
export async function fuzzData(engine: TestEngine): Promise<FuzzData> {
  const db = engine.db.kysely;
  const vouchers = await db
    .selectFrom('vouchers')
    .select(['voucher_key', 'code'])
    .where('chain_id', '=', 1)
    .execute();
  const campaigns = await db
    .selectFrom('campaigns')
    .select(['id', 'uuid', 'code_type'])
    .where('chain_id', '=', 1)
    .execute();
  const members = await db.selectFrom('members').select('member_number').execute();
  const benefits = await db
    .selectFrom('vouchers')
    .innerJoin('campaigns', 'campaigns.id', 'vouchers.campaign_id')
    .select('vouchers.uuid')
    .where('campaigns.code_type', 'is not', null)
    .execute();
  const events = await db.selectFrom('events').select('uuid').limit(50).execute();
  const webhooks = await db.selectFrom('webhooks').select('uuid').execute();
  const pool = campaigns.find((campaign) => campaign.code_type === 'POOL');
  const orNone = (ids: string[]) => (ids.length > 0 ? ids : NO_ID);
  return {
    voucherKeys: vouchers.map((row) => row.voucher_key),
    voucherCodes: vouchers.flatMap((row) => (row.code === null ? [] : [row.code])),
    memberNumbers: members.map((row) => row.member_number),
    campaignIds: campaigns.map((row) => row.id),
    poolCampaignId: pool?.id ?? 1,
    rewardIds: orNone(campaigns.flatMap((row) => (row.code_type === null ? [] : [row.uuid]))),
    benefitIds: orNone(benefits.map((row) => row.uuid)),
    eventIds: orNone(events.map((row) => row.uuid)),
    webhookIds: orNone(webhooks.map((row) => row.uuid)),
    login: LOGIN,
  };
}

/** A purchased benefit and a webhook, so that the calls taking their ids have one to take. */
export async function primeFuzzData(engine: TestEngine, data: FuzzData): Promise<void> {
  const privileged = { bearer: FUZZ_API_KEY };
  for (const rewardId of data.rewardIds)
    await call(engine.url, '/commands/purchase_reward', {
      ...privileged,
      json: { rewardId, beneficiaryId: '1000001' },
    });
  await call(engine.url, '/admin/webhooks', {
    ...privileged,
    json: { url: 'http://127.0.0.1:9/fuzz-hook', event_types: '*' },
  });
}
