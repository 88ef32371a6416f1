/**
 * `npm run bench:engine`: requests per second, p50 and p99 over loopback, each next to the
 * baseline of a bare express JSON endpoint measured in the same run. Servers run in their
 * own processes; autocannon drives them from this one. Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { connect } from '../src-engine/db/connect';
import { migrateToLatest } from '../src-engine/db/migrate';
import { createOperatorKey } from '../src-engine/domain/api-keys';
import { createCampaign, createVoucher } from '../src-engine/domain/admin';
import { expectOk } from '../src-engine/domain/refusal';
import { seedDemo } from '../src-engine/domain/demo';
import { spawnServer } from './support/process';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 10;
const FRESH_VOUCHERS = Number(process.env.BENCH_FRESH_VOUCHERS ?? 40_000);
const REDEEMED_BENEFITS = Number(process.env.BENCH_REDEEMED_BENEFITS ?? 30_000);
const POOL_CODES = Number(process.env.BENCH_POOL_CODES ?? 40_000);

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(name: string, options: autocannon.Options): Promise<Row> {
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });
  const errors = result.errors + result.non2xx + result.timeouts;
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'bench-engine-'));
const databaseUrl = join(dir, 'engine.sqlite');
const now = Date.now();
const db = connect(databaseUrl);
await migrateToLatest(db);
const demo = await seedDemo(db.kysely, now);
const actor = {
  chainId: demo.chainId,
  role: 'privileged' as const,
  name: 'bench',
  accountId: null,
};
const { id: campaign } = expectOk(
  await createCampaign(
    db.kysely,
    { chainId: demo.chainId, title: 'Bench €1', incentive: { type: 'basket', amount: 100 } },
    now,
  ),
);
process.stdout.write(`seeding ${FRESH_VOUCHERS} fresh vouchers … `);
for (let n = 0; n < FRESH_VOUCHERS; n += 1) {
  expectOk(
    await createVoucher(
      db.kysely,
      actor,
      {
        chainId: demo.chainId,
        campaignId: campaign,
        memberNumber: null,
        code: `BENCH-${n}`,
        claimed: true,
      },
      now,
    ),
  );
}
console.log('done');
process.stdout.write(`seeding ${REDEEMED_BENEFITS} redeemed benefits to validate … `);
for (let n = 0; n < REDEEMED_BENEFITS; n += 1) {
  expectOk(
    await createVoucher(
      db.kysely,
      actor,
      {
        chainId: demo.chainId,
        campaignId: campaign,
        memberNumber: '1000002',
        code: `VALIDATE-${n}`,
        claimed: true,
      },
      now,
    ),
  );
}
console.log('done');
process.stdout.write(`seeding a reward with a pool of ${POOL_CODES} codes … `);
const { uuid: poolRewardId } = expectOk(
  await createCampaign(
    db.kysely,
    {
      chainId: demo.chainId,
      title: 'Bench pool',
      incentive: { type: 'honour', honourCode: 'BENCH-POOL' },
      reward: {
        type: 'POOL',
        threshold: 10,
        hideCode: false,
        initialCodes: {
          codes: Array.from({ length: POOL_CODES }, (_, n) => `POOL-${n}`),
          allowDuplicates: false,
        },
      },
    },
    now,
  ),
);
const apiKey = await createOperatorKey(db.kysely, demo.chainId, 'bench', now);
console.log('done');
await db.close();

const baseline = await spawnServer('bench/support/bare-express.ts');
const engine = await spawnServer('src-engine/main.ts', {
  ENGINE_DATABASE_URL: databaseUrl,
  LOG_LEVEL: 'info',
});
const login = await fetch(`${engine.url}/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: 'username=till-s001-01&password=demo-till',
});
const loginBody = (await login.json()) as {
  results: { session_info: { session_user_id: number; session_key: string } };
};
const headers = {
  'content-type': 'application/json',
  'x-spaaza-session-user-id': String(loginBody.results.session_info.session_user_id),
  'x-spaaza-session-key': loginBody.results.session_info.session_key,
};
const items = Array.from({ length: 10 }, (_, n) => ({
  retailer_item_code: `line_${n + 1}`,
  item_barcode: `87100000000${n}`,
  item_quantity: n % 3 === 0 ? 0.5 : 1,
  item_price: 1.99 + n,
}));
const basket = (code: string, extra: Record<string, unknown> = {}, member = true) =>
  JSON.stringify({
    entity: { entity_type: 'chain', entity_id: demo.chainId, branch_business_owner_code: 'S001' },
    ...(member ? { user: { member_programme: 'spaaza', member_number: '1000001' } } : {}),
    basket: {
      retailer_basket_code: code,
      basket_currency: { currency_code: 'EUR' },
      basket_voucher_lock_exclusively: true,
      basket_items: items,
      ...extra,
    },
  });

let fresh = 0;
let validated = 0;
const rows: Row[] = [];
try {
  rows.push(
    await load('baseline: bare express JSON', {
      url: `${baseline.url}/echo`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: basket('X'),
    }),
  );
  rows.push(
    await load('get-basket-price, 10 lines, member 1000001', {
      url: `${engine.url}/auth/get-basket-price`,
      method: 'POST',
      headers,
      body: basket('S001-01-BENCH-PRICE'),
    }),
  );
  rows.push(
    await load('add-basket, 10 lines, a fresh voucher each', {
      url: `${engine.url}/auth/add-basket`,
      method: 'POST',
      headers,
      requests: [
        {
          setupRequest: (request) => {
            const n = fresh++;
            if (n >= FRESH_VOUCHERS)
              throw new Error('ran out of fresh vouchers: raise FRESH_VOUCHERS');
            return {
              ...request,
              body: basket(
                `S001-01-BENCH-${n}`,
                { basket_vouchers: [{ voucher_code: `BENCH-${n}` }] },
                false,
              ),
            };
          },
        },
      ],
    }),
  );
  rows.push(
    await load('validate_voucher, a redeemed benefit each', {
      url: `${engine.url}/commands/validate_voucher`,
      method: 'POST',
      headers,
      requests: [
        {
          setupRequest: (request) => {
            const n = validated++;
            if (n >= REDEEMED_BENEFITS)
              throw new Error('ran out of benefits to validate: raise BENCH_REDEEMED_BENEFITS');
            return { ...request, body: JSON.stringify({ code: `VALIDATE-${n}` }) };
          },
        },
      ],
    }),
  );
  rows.push(
    await load('purchase_reward from a code pool', {
      url: `${engine.url}/commands/purchase_reward`,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({ rewardId: poolRewardId, beneficiaryId: '1000001' }),
    }),
  );
} finally {
  await Promise.all([baseline.stop(), engine.stop()]);
  rmSync(dir, { recursive: true, force: true });
}

const base = rows[0]?.rps ?? 1;
console.log(
  `\nvoucher engine on SQLite, Node ${process.version}, ${CONNECTIONS} connections, ${SECONDS} s each\n`,
);
console.log(
  `${'case'.padEnd(46)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'× base'.padStart(9)}${'errors'.padStart(8)}`,
);
for (const row of rows) {
  console.log(
    `${row.name.padEnd(46)}${Math.round(row.rps).toString().padStart(9)}${row.p50.toString().padStart(9)}${row.p99.toString().padStart(9)}${(row.rps / base).toFixed(2).padStart(9)}${row.errors.toString().padStart(8)}`,
  );
}
