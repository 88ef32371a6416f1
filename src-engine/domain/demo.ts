import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { createOperatorKey } from './api-keys';
import { DEMO_FEED_KEY } from './demo-feed-key';
import { createFeedKey } from './feed-keys';
import type { Actor } from './actor';
import { expectOk } from './refusal';
import {
  createAccount,
  createCampaign,
  createChain,
  createMember,
  createStore,
  createVoucher,
  type MemberInput,
} from './admin';

const DAY = 86_400_000;

export const DEMO_ACCOUNTS = [
  { username: 'till-s001-01', password: 'demo-till', role: 'terminal', storeCode: 'S001' },
  { username: 'manager-s001', password: 'demo-manager', role: 'manager', storeCode: 'S001' },
  { username: 'admin', password: 'demo-admin', role: 'admin' },
] as const;

export interface DemoData {
  readonly chainId: number;
  readonly storeCode: string;
  readonly accounts: typeof DEMO_ACCOUNTS;
  readonly vouchers: Readonly<Record<'fiveEuro' | 'tenPercent' | 'unclaimed' | 'expired', string>>;
  readonly honourCodes: readonly string[];
  /** The public ids of the rewards purchase_reward sells, one per code type. */
  readonly rewards: Readonly<Record<'otp' | 'pool' | 'static', string>>;
  /** The POOL reward's codes, in the order it hands them out. */
  readonly poolCodes: readonly string[];
  /** The public key that verifies the demo chain's honour feed (the demo-only fixed key). */
  readonly feedPublicKey: string;
}

export const DEMO_POOL_THRESHOLD = 5;

/** The demo members, each with a username and an id in a (made-up) identity system. */
export const DEMO_MEMBERS: readonly Omit<MemberInput, 'chainId'>[] = [
  {
    memberNumber: '1000001',
    name: 'Anna de Vries',
    username: 'anna.devries@example.com',
    authenticationPointIdentifier: 'idp-anna-0001',
  },
  {
    memberNumber: '1000002',
    name: 'Bram Jansen',
    username: 'bram.jansen@example.com',
    authenticationPointIdentifier: 'idp-bram-0002',
  },
];

/**
 * The demo chain the till's own demo prices against (docs/architecture.md, "The demo chain"): chain 1 "Demo Retail",
 * store S001, three accounts, members 1000001 and 1000002, ten free-coffee honour vouchers, and
 * the demo-only fixed key that signs its honour feed.
 */
export async function seedDemo(db: Kysely<Database>, now: number): Promise<DemoData> {
  const chainId = await createChain(
    db,
    { name: 'Demo Retail', currency: 'EUR', timezone: 'Europe/Amsterdam' },
    now,
  );
  const actor: Actor = { chainId, role: 'privileged', name: 'demo-seed', accountId: null };
  expectOk(
    await createStore(db, { chainId, code: 'S001', name: 'Demo Retail Amsterdam Centraal' }),
  );
  for (const account of DEMO_ACCOUNTS)
    expectOk(await createAccount(db, { chainId, ...account }, now));
  for (const member of DEMO_MEMBERS) expectOk(await createMember(db, { chainId, ...member }, now));
  expectOk(await createFeedKey(db, actor, now, DEMO_FEED_KEY.privateKeyPem));

  const { id: fiver } = expectOk(
    await createCampaign(
      db,
      {
        chainId,
        title: '€5.00 off your next purchase',
        incentive: { type: 'basket', amount: 500 },
        expirySeconds: 90 * 86_400,
      },
      now,
    ),
  );
  const { id: tenPct } = expectOk(
    await createCampaign(
      db,
      {
        chainId,
        title: '10 % off for members',
        incentive: { type: 'basket_pct', ratioPpm: 100_000 },
        expirySeconds: 90 * 86_400,
      },
      now,
    ),
  );
  const { id: coffee } = expectOk(
    await createCampaign(
      db,
      {
        chainId,
        title: 'Free coffee',
        incentive: { type: 'honour', honourCode: 'FREE-COFFEE' },
        expirySeconds: 365 * 86_400,
      },
      now,
    ),
  );

  const fiveEuro = expectOk(
    await createVoucher(
      db,
      actor,
      { chainId, campaignId: fiver, memberNumber: '1000001', code: 'DEMO-5EUR', claimed: true },
      now - 2 * DAY,
    ),
  );
  const tenPercent = expectOk(
    await createVoucher(
      db,
      actor,
      { chainId, campaignId: tenPct, memberNumber: '1000001', code: 'DEMO-10PCT', claimed: true },
      now - DAY,
    ),
  );
  const unclaimed = expectOk(
    await createVoucher(
      db,
      actor,
      {
        chainId,
        campaignId: fiver,
        memberNumber: '1000002',
        code: 'DEMO-UNCLAIMED',
        claimed: false,
      },
      now,
    ),
  );
  const expired = expectOk(
    await createVoucher(
      db,
      actor,
      {
        chainId,
        campaignId: fiver,
        memberNumber: '1000002',
        code: 'DEMO-EXPIRED',
        claimed: true,
        expiresAt: now - DAY,
      },
      now - 100 * DAY,
    ),
  );

  const honourCodes: string[] = [];
  for (let n = 1; n <= 10; n += 1) {
    const code = `HONOUR-COFFEE-${String(n).padStart(4, '0')}`;
    expectOk(
      await createVoucher(
        db,
        actor,
        { chainId, campaignId: coffee, memberNumber: null, code, claimed: true },
        now,
      ),
    );
    honourCodes.push(code);
  }

  // After the vouchers' campaigns, so that their ids stay 1–3. Suites that take the chain's
  // last campaign of each voucher type get these, hence the same €5.00 as the first.
  const otp = expectOk(
    await createCampaign(
      db,
      {
        chainId,
        title: '€5.00 off with a promo code',
        incentive: { type: 'basket', amount: 500 },
        expirySeconds: 30 * 86_400,
        reward: { type: 'OTP', format: { template: 'PROMO-{code}', length: 6 }, hideCode: false },
      },
      now,
    ),
  );
  const poolCodes = Array.from(
    { length: 20 },
    (_, n) => `CINEMA-${String(n + 1).padStart(4, '0')}`,
  );
  const pool = expectOk(
    await createCampaign(
      db,
      {
        chainId,
        title: 'Cinema ticket from our partner',
        incentive: { type: 'honour', honourCode: 'PARTNER-CINEMA' },
        expirySeconds: 60 * 86_400,
        reward: {
          type: 'POOL',
          threshold: DEMO_POOL_THRESHOLD,
          hideCode: false,
          initialCodes: { codes: poolCodes, allowDuplicates: false },
        },
      },
      now,
    ),
  );
  const staticReward = expectOk(
    await createCampaign(
      db,
      {
        chainId,
        title: '15 % off in the summer sale',
        incentive: { type: 'basket_pct', ratioPpm: 150_000 },
        expirySeconds: 14 * 86_400,
        reward: { type: 'STATIC', staticCode: 'SUMMER15', hideCode: false },
      },
      now,
    ),
  );

  return {
    chainId,
    storeCode: 'S001',
    accounts: DEMO_ACCOUNTS,
    vouchers: {
      fiveEuro: fiveEuro.key,
      tenPercent: tenPercent.key,
      unclaimed: unclaimed.key,
      expired: expired.key,
    },
    honourCodes,
    rewards: { otp: otp.uuid, pool: pool.uuid, static: staticReward.uuid },
    poolCodes,
    feedPublicKey: DEMO_FEED_KEY.publicKey,
  };
}

/** On an empty database, ENGINE_BOOTSTRAP_API_KEY becomes a privileged key for chain 1. */
export async function bootstrap(
  db: Kysely<Database>,
  apiKey: string | undefined,
  now: number,
): Promise<boolean> {
  if (!apiKey) return false;
  const chains = await db.selectFrom('chains').select('id').execute();
  if (chains.length === 0) {
    await createChain(db, { name: 'Chain 1', currency: 'EUR', timezone: 'Europe/Amsterdam' }, now);
  }
  const keys = await db.selectFrom('api_keys').select('id').execute();
  if (keys.length > 0) return false;
  await createOperatorKey(db, 1, 'bootstrap', now, apiKey);
  return true;
}
