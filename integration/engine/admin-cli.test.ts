import { execFile } from 'node:child_process';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect } from '../../src-engine/db/connect';
import { start } from '../../src-engine/server';
import { basketRequest, item } from '../../test-support/engine/baskets';
import {
  FEED_KEY_ID_HEADER,
  FEED_SIGNATURE_HEADER,
  parseFeedPublicKey,
  verifyFeedPage,
} from '../../src-node/feed-signature';
import { call, loginAs, type Session } from '../../test-support/engine/client';
import { describeEachDatabase } from '../../test-support/engine/harness';

/** The key id and `ed25519:…` the feed-key commands print. */
function printedFeedKey(stdout: string): { keyId: string; publicKey: string } {
  const keyId = /^key id ([0-9a-f]{16})$/m.exec(stdout)?.[1];
  const publicKey = /^public key (ed25519:\S+)$/m.exec(stdout)?.[1];
  if (keyId === undefined || publicKey === undefined)
    throw new Error(`no feed key printed in: ${stdout}`);
  return { keyId, publicKey };
}

/** Whether a feed page of the engine verifies with the printed key; answers the key id it names. */
async function feedPageKeyId(
  engineUrl: string,
  session: Session,
  chainId: number,
  publicKey: string,
): Promise<{ keyId: string | null; verified: boolean }> {
  const response = await fetch(`${engineUrl}/sync/honour-vouchers?cursor=0&limit=5`, {
    headers: {
      'x-spaaza-session-user-id': String(session.userId),
      'x-spaaza-session-key': session.key,
    },
  });
  const trusted = parseFeedPublicKey(publicKey);
  if (!trusted.ok) throw new Error(trusted.error);
  const answer = {
    body: new Uint8Array(await response.arrayBuffer()),
    signature: response.headers.get(FEED_SIGNATURE_HEADER),
    keyId: response.headers.get(FEED_KEY_ID_HEADER),
  };
  const page = { chainId, cursor: 0, limit: 5 };
  return { keyId: answer.keyId, verified: verifyFeedPage([trusted.value], page, answer).ok };
}

interface Outcome {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI as its own process (node with the tsx loader, which is what `npx tsx` starts). */
function runCli(env: Record<string, string>, ...args: string[]): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src-engine/admin-cli.ts', ...args],
      { env: { ...process.env, ...env }, timeout: 20_000 },
      (error, stdout, stderr) => {
        const exitCode = error?.code;
        if (error && typeof exitCode !== 'number') {
          reject(new Error(`the admin CLI did not run: ${error.message}`));
          return;
        }
        resolve({ exitCode: typeof exitCode === 'number' ? exitCode : 0, stdout, stderr });
      },
    );
  });
}

/** For tests that start the CLI a dozen times, each a Node process with the TypeScript loader. */
const MANY_RUNS_TIMEOUT = 120_000;

describeEachDatabase('the admin CLI', (database) => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  const cli = (...args: string[]) => runCli(env, ...args);

  beforeAll(async () => {
    const created = await database.create();
    drop = () => created.drop();
    env = {
      ENGINE_DATABASE_URL: created.options.databaseUrl ?? '',
      ...(created.options.schema ? { ENGINE_DATABASE_SCHEMA: created.options.schema } : {}),
    };
  });
  afterAll(async () => drop());

  it('--help lists every command', async () => {
    const help = await cli('--help');
    expect(help.exitCode).toBe(0);
    for (const name of [
      'create-chain',
      'create-store',
      'create-account',
      'create-member',
      'create-campaign',
      'create-voucher',
      'create-api-key',
      'list-api-keys',
      'revoke-api-key',
      'list-vouchers',
      'add-pool-codes',
      'verify-audit',
      'create-feed-key',
      'rotate-feed-key',
      'show-feed-key',
    ])
      expect(help.stdout).toContain(name);
  });

  it('refuses to work in a chain that does not exist yet (exit 1)', async () => {
    const outcome = await cli('create-store', '--code', 'S001', '--name', 'First');
    expect(outcome).toMatchObject({ exitCode: 1, stdout: '' });
    expect(outcome.stderr).toMatch(/no chain 1 .*create-chain/);
  });

  it(
    'sets a chain up from nothing, and the engine then serves it',
    async () => {
      const steps: string[][] = [
        ['create-chain', '--name', 'CLI Retail', '--currency', 'EUR', '--timezone', 'Europe/Paris'],
        ['create-store', '--code', 'S001', '--name', 'Paris Opéra'],
        [
          'create-account',
          '--username',
          'cli-till',
          '--password',
          'cli-till-pw',
          '--role',
          'terminal',
          '--store-code',
          'S001',
        ],
        ['create-member', '--member-number', '3000001', '--name', 'Chloé'],
        [
          'create-campaign',
          '--title',
          'Four euros',
          '--voucher-type',
          'basket',
          '--amount',
          '4.00',
        ],
        [
          'create-voucher',
          '--campaign-id',
          '1',
          '--member-number',
          '3000001',
          '--code',
          'CLI-4EUR',
          '--claimed',
        ],
      ];
      const outputs: string[] = [];
      for (const step of steps) {
        const outcome = await cli(...step);
        expect(outcome, step.join(' ')).toMatchObject({ exitCode: 0, stderr: '' });
        outputs.push(outcome.stdout);
      }
      expect(outputs[0]).toMatch(/created chain 1 "CLI Retail" \(EUR, Europe\/Paris\)/);
      expect(outputs[5]).toMatch(/created voucher CLI-4EUR .*\nkey [0-9a-f]{64}/);

      const listed = await cli('list-vouchers', '--member', '3000001');
      expect(listed.exitCode).toBe(0);
      expect(listed.stdout).toMatch(/CLI-4EUR\s+basket\s+claimed\s+4\.00 EUR\s+3000001/);

      const key = await cli('create-api-key', '--label', 'ops');
      expect(key.exitCode).toBe(0);
      const apiKey = key.stdout.trim().split('\n').at(-1) ?? '';
      expect(apiKey).toMatch(/^vtk_[0-9a-f]{64}$/);
      const old = await cli('create-api-key', '--label', 'old', '--role', 'admin');
      const oldKey = old.stdout.trim().split('\n').at(-1) ?? '';
      const listedKeys = await cli('list-api-keys');
      expect(listedKeys.stdout).toMatch(/^\d+\tops\tprivileged\tactive\tcreated by admin-cli$/m);
      expect(listedKeys.stdout).toMatch(/^\d+\told\tadmin\tactive\tcreated by admin-cli$/m);
      expect(listedKeys.stdout).not.toContain(apiKey);
      const oldId = /^(\d+)\told\t/m.exec(listedKeys.stdout)?.[1] ?? '';
      const revoked = await cli('revoke-api-key', '--id', oldId);
      expect(revoked.stdout).toContain(`revoked API key ${oldId} "old"`);
      expect((await cli('list-api-keys')).stdout).toMatch(/\told\tadmin\trevoked /);

      const engine = await start({
        databaseUrl: env.ENGINE_DATABASE_URL ?? '',
        ...(env.ENGINE_DATABASE_SCHEMA ? { schema: env.ENGINE_DATABASE_SCHEMA } : {}),
        log: pino({ level: 'silent' }),
      });
      try {
        const till = await loginAs(engine.url, 'cli-till', 'cli-till-pw');
        const priced = await call(engine.url, '/auth/get-basket-price', {
          json: basketRequest('CLI-0001', [item('a', 10)], { member: '3000001' }),
          session: till,
        });
        expect(priced.body).toMatchObject({ results: { basket: { basket_total_discount: 4 } } });
        const byKey = await call(engine.url, '/admin/members', {
          json: { member_number: '3000002' },
          bearer: apiKey,
        });
        expect(byKey.status).toBe(200);
        const byRevokedKey = await call(engine.url, '/admin/members', {
          json: { member_number: '3000003' },
          bearer: oldKey,
        });
        expect(byRevokedKey.status).toBe(401);
      } finally {
        await engine.stop();
      }
    },
    MANY_RUNS_TIMEOUT,
  );

  it(
    'answers bad or missing flags with exit 2, naming the flag, without a stack trace',
    async () => {
      const cases: [string[], RegExp][] = [
        [
          ['create-store', '--code', 'S002', '--nam', 'x'],
          /unknown flag --nam; its flags are --code, --name, --chain/,
        ],
        [['create-store', '--code', 'S002'], /--name is required/],
        [
          ['create-campaign', '--title', 't', '--voucher-type', 'basket', '--amount', '4.001'],
          /--amount: has 3 decimals but EUR allows at most 2/,
        ],
        [
          [
            'create-campaign',
            '--title',
            't',
            '--voucher-type',
            'basket_pct',
            '--discount-ratio',
            '2',
          ],
          /--discount-ratio: must be more than 0 and at most 1/,
        ],
        [
          ['create-account', '--username', 'u', '--password', 'short', '--role', 'admin'],
          /--password: must be at least 8 characters/,
        ],
        [['create-voucher', '--campaign-id', 'one'], /--campaign-id: must be a whole number/],
        [
          ['create-voucher', '--campaign-id', '1', '--expires-at', 'soon'],
          /--expires-at: must be an ISO 8601 time/,
        ],
        [
          ['create-chain', '--name', 'x', '--currency', 'EUR', '--timezone', 'Nowhere/Land'],
          /--timezone: must be an IANA time zone/,
        ],
        [
          ['create-member', '--member-number', '1', '--chain', 'first'],
          /--chain: must be a chain id/,
        ],
        [
          ['create-voucher', '--campaign-id', '1', '--claimed=yes'],
          /--claimed' does not take an argument/,
        ],
        [['delete-everything'], /unknown command "delete-everything"/],
      ];
      const before = await cli('list-vouchers');
      // one at a time: a dozen Node processes at once starve a small CI machine
      for (const [args, message] of cases) {
        const outcome = await cli(...args);
        expect(outcome.exitCode, args.join(' ')).toBe(2);
        expect(outcome.stderr, args.join(' ')).toMatch(message);
        expect(outcome.stderr).not.toMatch(/\n\s+at /);
      }
      expect((await cli('list-vouchers')).stdout).toBe(before.stdout);
    },
    MANY_RUNS_TIMEOUT,
  );

  it(
    'creates a reward of each code type and refills a pool',
    async () => {
      const campaignIdIn = (stdout: string) => /campaign (\d+) /.exec(stdout)?.[1] ?? '';
      const otp = await cli(
        'create-campaign',
        '--title',
        'Promo',
        '--voucher-type',
        'basket',
        '--amount',
        '2',
        '--code-type',
        'OTP',
        '--code-template',
        'PROMO-{code}',
        '--code-length',
        '6',
      );
      expect(otp).toMatchObject({ exitCode: 0, stderr: '' });
      expect(otp.stdout).toMatch(
        /created basket campaign \d+ "Promo" .*\nreward [0-9a-f-]{36} \(OTP codes\)/,
      );
      const statics = await cli(
        'create-campaign',
        '--title',
        'Summer',
        '--voucher-type',
        'basket_pct',
        '--discount-ratio',
        '0.15',
        '--code-type',
        'STATIC',
        '--static-code',
        'SUMMER15',
        '--hide-code',
      );
      expect(statics.stdout).toMatch(/\(STATIC codes\)/);
      const pool = await cli(
        'create-campaign',
        '--title',
        'Cinema',
        '--voucher-type',
        'honour',
        '--honour-code',
        'CINEMA',
        '--code-type',
        'POOL',
        '--pool-threshold',
        '1',
        '--codes',
        'C-1,C-2',
      );
      expect(pool.stdout).toMatch(/\(POOL codes\)/);
      const poolId = campaignIdIn(pool.stdout);

      const repeated = await cli('add-pool-codes', '--campaign-id', poolId, '--codes', 'C-3\nC-1');
      expect(repeated).toMatchObject({ exitCode: 1, stdout: '' });
      expect(repeated.stderr).toMatch(/refused: codes: 1 repeated .*C-1/);
      const refill = await cli(
        'add-pool-codes',
        '--campaign-id',
        poolId,
        '--codes',
        'C-3\nC-1',
        '--allow-duplicates',
      );
      expect(refill).toMatchObject({ exitCode: 0, stderr: '' });
      expect(refill.stdout).toBe(`added 2 codes to campaign ${poolId}: 4 of 4 unused\n`);
      const notPool = await cli(
        'add-pool-codes',
        '--campaign-id',
        campaignIdIn(otp.stdout),
        '--codes',
        'X',
      );
      expect(notPool).toMatchObject({ exitCode: 1 });
      expect(notPool.stderr).toMatch(/only a POOL reward has pool codes/);

      const cases: [string[], RegExp][] = [
        [
          [
            'create-campaign',
            '--title',
            't',
            '--voucher-type',
            'basket',
            '--amount',
            '1',
            '--code-type',
            'OTP',
            '--code-template',
            'PROMO',
          ],
          /--code-template: must contain \{code\} exactly once/,
        ],
        [
          [
            'create-campaign',
            '--title',
            't',
            '--voucher-type',
            'basket',
            '--amount',
            '1',
            '--code-type',
            'OTP',
            '--pool-threshold',
            '2',
          ],
          /--pool-threshold: only a code_type POOL reward takes this field/,
        ],
        [
          [
            'create-campaign',
            '--title',
            't',
            '--voucher-type',
            'basket',
            '--amount',
            '1',
            '--code-type',
            'STATIC',
          ],
          /--static-code is required/,
        ],
        [['add-pool-codes', '--campaign-id', poolId], /--codes is required/],
      ];
      for (const [args, message] of cases) {
        const outcome = await cli(...args);
        expect(outcome.exitCode, args.join(' ')).toBe(2);
        expect(outcome.stderr, args.join(' ')).toMatch(message);
      }
    },
    MANY_RUNS_TIMEOUT,
  );

  it(
    'creates, shows and rotates the key that signs the honour feed, which the engine then signs with',
    async () => {
      const chain = await cli(
        'create-chain',
        '--name',
        'Signed Retail',
        '--currency',
        'EUR',
        '--timezone',
        'Europe/Paris',
      );
      const chainId = /created chain (\d+)/.exec(chain.stdout)?.[1] ?? '';
      const inChain = (...args: string[]) => cli(...args, '--chain', chainId);
      await inChain('create-store', '--code', 'S001', '--name', 'Signed Paris');
      await inChain(
        'create-account',
        '--username',
        'signed-till',
        '--password',
        'signed-till-pw',
        '--role',
        'terminal',
        '--store-code',
        'S001',
      );

      const none = await inChain('show-feed-key');
      expect(none).toMatchObject({ exitCode: 1, stdout: '' });
      expect(none.stderr).toContain(
        `refused: chain ${chainId} has no honour-feed signing key yet; create one with create-feed-key`,
      );

      const created = await inChain('create-feed-key');
      expect(created.exitCode).toBe(0);
      const first = printedFeedKey(created.stdout);
      const again = await inChain('create-feed-key');
      expect(again.exitCode).toBe(1);
      expect(again.stderr).toContain(`already has a feed signing key (${first.keyId})`);
      expect(printedFeedKey((await inChain('show-feed-key')).stdout)).toEqual(first);

      // an SQLite file serves one process at a time: the CLI runs while the engine is stopped
      const id = Number(chainId);
      const pageOfEngine = async (publicKey: string) => {
        const engine = await start({
          databaseUrl: env.ENGINE_DATABASE_URL ?? '',
          ...(env.ENGINE_DATABASE_SCHEMA ? { schema: env.ENGINE_DATABASE_SCHEMA } : {}),
          log: pino({ level: 'silent' }),
        });
        try {
          const till = await loginAs(engine.url, 'signed-till', 'signed-till-pw');
          return await feedPageKeyId(engine.url, till, id, publicKey);
        } finally {
          await engine.stop();
        }
      };
      expect(await pageOfEngine(first.publicKey)).toEqual({ keyId: first.keyId, verified: true });

      const rotated = await inChain('rotate-feed-key');
      expect(rotated.exitCode).toBe(0);
      expect(rotated.stdout).toContain(`key ${first.keyId} is retired`);
      const second = printedFeedKey(rotated.stdout);
      expect(second.keyId).not.toBe(first.keyId);
      expect(printedFeedKey((await inChain('show-feed-key')).stdout)).toEqual(second);
      expect(await pageOfEngine(second.publicKey)).toEqual({
        keyId: second.keyId,
        verified: true,
      });
      expect(await pageOfEngine(first.publicKey)).toEqual({
        keyId: second.keyId,
        verified: false,
      });
    },
    MANY_RUNS_TIMEOUT,
  );

  it('prints a refusal plainly with exit 1', async () => {
    const outcome = await cli('create-store', '--code', 'S001', '--name', 'Twice');
    expect(outcome).toMatchObject({ exitCode: 1, stderr: 'refused: store S001 exists\n' });
    const unknown = await cli('create-voucher', '--campaign-id', '42');
    expect(unknown).toMatchObject({
      exitCode: 1,
      stderr: 'refused: no campaign 42 in this chain\n',
    });
  });

  it('verify-audit passes an untouched trail and fails one edited behind its back, naming the row', async () => {
    const intact = await cli('verify-audit');
    expect(intact).toMatchObject({ exitCode: 0, stderr: '' });
    expect(intact.stdout).toMatch(/^audit trail of chain 1: intact, [1-9]\d* rows? checked$/m);

    const db = connect(env.ENGINE_DATABASE_URL ?? '', {
      ...(env.ENGINE_DATABASE_SCHEMA ? { schema: env.ENGINE_DATABASE_SCHEMA } : {}),
    });
    try {
      await db.kysely
        .updateTable('audit_log')
        .set({ actor: 'someone-else' })
        .where('chain_id', '=', 1)
        .where('seq', '=', 1)
        .execute();
    } finally {
      await db.close();
    }
    const broken = await cli('verify-audit');
    expect(broken).toMatchObject({ exitCode: 3, stdout: '' });
    expect(broken.stderr).toMatch(
      /^audit trail of chain 1: BROKEN at seq 1: its content does not match its hash \(the row was edited\) \[row_hash_mismatch\]; 1 row checked$/m,
    );
  });
});
