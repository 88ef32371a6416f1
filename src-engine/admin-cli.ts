/**
 * `npm run engine:admin -- <command> [--flags]`: the admin operations of domain/admin.ts,
 * straight on the engine's database (ENGINE_DATABASE_URL, default data/engine.sqlite), for
 * setting a chain up before any account exists. Flags mirror the fields of the admin HTTP
 * endpoints (`--member-number` is `member_number`) and are validated by the same schemas.
 * Exit codes: 0 done, 1 refused (e.g. already exists), 2 bad or missing flags, 3 verify-audit
 * found the audit trail broken.
 */
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { toMajorText } from '../src-shared/money';
import { ok, type Result } from '../src-shared/result';
import { voucherState } from '../src-shared/vouchers';
import { parseWith, type FieldIssue } from '../src-shared/wire';
import { CHAIN_BREAK_WORDS, type ChainVerdict } from '../src-node/audit-chain';
import type { Db } from './db/connect';
import type { Database } from './db/schema';
import { createApiKey, listApiKeys, operatorActor, revokeApiKey } from './domain/api-keys';
import type { Actor } from './domain/actor';
import {
  createAccount,
  createCampaign,
  createChain,
  createMember,
  createStore,
  createVoucher,
} from './domain/admin';
import {
  addPoolCodesFields,
  campaignInputFor,
  createAccountFields,
  newPassword,
  createApiKeyFields,
  describeApiKey,
  newApiKeyOf,
  createCampaignFields,
  chainInputOf,
  createChainFields,
  createMemberFields,
  memberInputOf,
  createStoreFields,
  createVoucherFields,
  voucherInputFor,
} from './domain/admin-schemas';
import { verifyAudit } from './domain/audit-verify';
import { activeFeedKey, createFeedKey, rotateFeedKey, type FeedKey } from './domain/feed-keys';
import { addPoolCodes } from './domain/rewards/pool-upload';
import { refuse, type Outcome } from './domain/refusal';
import { resetPassword, setAccountDisabled, unlockAccount } from './domain/accounts';
import { toDomainVoucher, type VoucherRow } from './repo/vouchers';

interface Flag {
  readonly name: string;
  readonly help: string;
  readonly boolean?: true;
}

interface Context {
  readonly db: Kysely<Database>;
  readonly dialect: Db['dialect'];
  readonly chainId: number;
  readonly now: number;
}

interface Command {
  readonly summary: string;
  readonly flags: readonly Flag[];
  /** create-chain makes a chain rather than working in one. */
  readonly inChain: boolean;
  /** Validates the flags (or throws UsageError) and returns the work, which returns what to print. */
  prepare(given: Record<string, unknown>): (context: Context) => Promise<string>;
}

/** Bad or missing flags or settings: exit 2 with each named. */
class UsageError extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
  }
}

const flagOf = (field: string) => `--${field.replaceAll('_', '-')}`;
const fieldOf = (flag: string) => flag.replaceAll('-', '_');

/** Each issue under its flag's name; a field that was not given at all is simply required. */
function badFlags(issues: readonly FieldIssue[], given: Record<string, unknown>): UsageError {
  return new UsageError(
    issues.map((issue) =>
      issue.path in given
        ? `${flagOf(issue.path)}: ${issue.message}`
        : `${flagOf(issue.path)} is required`,
    ),
  );
}

function command<S extends z.ZodType>(definition: {
  summary: string;
  flags: readonly Flag[];
  inChain?: false;
  fields: S;
  run(context: Context, fields: z.output<S>): Promise<string>;
}): Command {
  return {
    summary: definition.summary,
    flags: definition.flags,
    inChain: definition.inChain ?? true,
    prepare: (given) => {
      const parsed = parseWith(definition.fields, given);
      if (!parsed.ok) throw badFlags(parsed.error, given);
      return (context) => definition.run(context, parsed.value);
    },
  };
}

/** A refusal of the command: printed as such, not as a failure. */
class Refused extends Error {}

/** verify-audit found a chain broken: its report, exit 3. */
class ChainBroken extends Error {}

function describeVerdict(name: string, verdict: ChainVerdict): string {
  const rows = `${verdict.checked} ${verdict.checked === 1 ? 'row' : 'rows'} checked`;
  if (!verdict.brokenAt) return `${name}: intact, ${rows}`;
  const { seq, reason } = verdict.brokenAt;
  return `${name}: BROKEN at seq ${seq}: ${CHAIN_BREAK_WORDS[reason]} [${reason}]; ${rows}`;
}

async function verifyAuditReport({ db, chainId }: Context): Promise<string> {
  const verdict = await verifyAudit(db, chainId);
  const report = [
    describeVerdict(`audit trail of chain ${chainId}`, verdict.own),
    ...verdict.tills.map((till) => describeVerdict(`audit chain of till ${till.tillId}`, till)),
  ].join('\n');
  if (!verdict.ok) throw new ChainBroken(report);
  return report;
}

function valueOrRefused<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Refused(outcome.error.message);
  return outcome.value;
}

/** For checks after parsing (amounts against the chain's currency): the flag was given. */
function valueOrUsageError<T>(result: Result<T, FieldIssue[]>): T {
  if (!result.ok)
    throw new UsageError(result.error.map((issue) => `${flagOf(issue.path)}: ${issue.message}`));
  return result.value;
}

const cliActor = (chainId: number): Actor => operatorActor(chainId, 'admin-cli');

function describeValue(
  row: Pick<VoucherRow, 'voucher_type' | 'amount' | 'currency' | 'ratio_ppm' | 'honour_code'>,
): string {
  switch (row.voucher_type) {
    case 'basket':
      return `${toMajorText(row.amount ?? 0, row.currency)} ${row.currency}`;
    case 'basket_pct':
      return `${(row.ratio_ppm ?? 0) / 10_000} %`;
    case 'honour':
      return row.honour_code ?? '';
  }
}

async function listVouchers(context: Context, memberNumber: string | undefined): Promise<string> {
  let query = context.db
    .selectFrom('vouchers')
    .leftJoin('members', 'members.id', 'vouchers.member_id')
    .selectAll('vouchers')
    .select('members.member_number')
    .where('vouchers.chain_id', '=', context.chainId);
  if (memberNumber !== undefined) {
    const member = await context.db
      .selectFrom('members')
      .select('id')
      .where('chain_id', '=', context.chainId)
      .where('member_number', '=', memberNumber)
      .executeTakeFirst();
    if (!member) throw new Refused(`no member ${memberNumber} in this chain`);
    query = query.where('vouchers.member_id', '=', member.id);
  }
  const rows = await query.orderBy('vouchers.id').execute();
  if (rows.length === 0) return 'no vouchers';
  const table = [
    ['ID', 'CODE', 'TYPE', 'STATE', 'VALUE', 'MEMBER', 'KEY'],
    ...rows.map((row) => [
      String(row.id),
      row.code ?? '-',
      row.voucher_type,
      voucherState(toDomainVoucher(row), context.now),
      describeValue(row),
      row.member_number ?? '-',
      row.voucher_key,
    ]),
  ];
  const widths = table[0]?.map((_, column) =>
    Math.max(...table.map((cells) => (cells[column] ?? '').length)),
  );
  return table
    .map((cells) =>
      cells
        .map((cell, column) => cell.padEnd(widths?.[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The lines a till's IT staff paste from: the key's id and `ed25519:<base64>` (docs/security.md, "Signed honour-voucher feed"). */
function describeFeedKey(key: FeedKey): string {
  return `key id ${key.keyId}\npublic key ${key.publicKey}`;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  'create-chain': command({
    summary: 'create a chain (a tenant with its own currency and time zone)',
    inChain: false,
    flags: [
      { name: 'name', help: 'the chain’s name' },
      { name: 'currency', help: 'ISO 4217 code, e.g. EUR' },
      { name: 'timezone', help: 'IANA time zone, e.g. Europe/Amsterdam' },
      {
        name: 'uses-third-party-voucher-id',
        help: 'true: voucher calls may name a voucher by its third_party_id (default false)',
      },
    ],
    fields: createChainFields,
    run: async ({ db, now }, fields) => {
      const chainId = await createChain(db, chainInputOf(fields), now);
      return `created chain ${chainId} "${fields.name}" (${fields.currency}, ${fields.timezone})`;
    },
  }),
  'create-store': command({
    summary: 'create a store of the chain',
    flags: [
      { name: 'code', help: 'the store’s code, e.g. S002' },
      { name: 'name', help: 'the store’s name' },
    ],
    fields: createStoreFields,
    run: async ({ db, chainId }, fields) => {
      const storeId = valueOrRefused(await createStore(db, { chainId, ...fields }));
      return `created store ${fields.code} (id ${storeId}) in chain ${chainId}`;
    },
  }),
  'create-account': command({
    summary: 'create an engine account (a till, a manager or an admin)',
    flags: [
      { name: 'username', help: 'sign-in name, unique across chains' },
      { name: 'password', help: 'at least 8 characters' },
      { name: 'role', help: 'terminal, manager or admin' },
      { name: 'store-code', help: 'the store of a terminal or manager account' },
    ],
    fields: createAccountFields,
    run: async ({ db, chainId, now }, fields) => {
      const { store_code: storeCode, ...account } = fields;
      const accountId = valueOrRefused(
        await createAccount(db, { chainId, ...account, storeCode }, now),
      );
      return `created ${fields.role} account ${fields.username} (id ${accountId}) in chain ${chainId}`;
    },
  }),
  'create-member': command({
    summary: 'create a loyalty member',
    flags: [
      { name: 'member-number', help: 'the member’s card number' },
      { name: 'name', help: 'optional' },
      { name: 'username', help: 'optional: the member’s Spaaza username (an e-mail address)' },
      {
        name: 'authentication-point-identifier',
        help: 'optional: the member’s id in a third-party identity system',
      },
    ],
    fields: createMemberFields,
    run: async ({ db, chainId, now }, fields) => {
      const memberId = valueOrRefused(await createMember(db, memberInputOf(chainId, fields), now));
      return `created member ${fields.member_number} (id ${memberId}) in chain ${chainId}`;
    },
  }),
  'create-campaign': command({
    summary: 'create a campaign: what its vouchers entitle to',
    flags: [
      { name: 'title', help: 'shown to cashier and customer' },
      { name: 'voucher-type', help: 'basket, basket_pct or honour' },
      { name: 'amount', help: 'basket: the discount in major units, e.g. 5.00' },
      { name: 'discount-ratio', help: 'basket_pct: 0 < ratio ≤ 1, e.g. 0.1 for 10 %' },
      { name: 'honour-code', help: 'honour: the promotion to honour, e.g. FREE-COFFEE' },
      { name: 'lock-period-seconds', help: 'how long pricing holds a voucher (default 300)' },
      { name: 'expiry-seconds', help: 'vouchers expire this long after issue (default never)' },
      { name: 'exclusive', help: 'its vouchers are applied alone', boolean: true },
      { name: 'code-type', help: 'sell it as a reward: OTP, POOL or STATIC codes' },
      { name: 'code-template', help: 'OTP: format around {code}, e.g. PROMO-{code}' },
      { name: 'code-length', help: 'OTP: characters generated for {code}, 4–32 (default 8)' },
      { name: 'static-code', help: 'STATIC: the code every purchaser gets' },
      { name: 'hide-code', help: 'the member is never shown the code', boolean: true },
      { name: 'pool-threshold', help: 'POOL: report low stock at this many unused codes' },
      { name: 'codes', help: 'POOL: initial codes, separated by commas or newlines' },
      {
        name: 'allow-duplicates',
        help: 'POOL: a repeated code is handed out more than once',
        boolean: true,
      },
    ],
    fields: createCampaignFields,
    run: async ({ db, chainId, now }, fields) => {
      const input = valueOrUsageError(await campaignInputFor(db, chainId, fields));
      const campaign = valueOrRefused(await createCampaign(db, input, now));
      const created = `created ${input.incentive.type} campaign ${campaign.id} "${input.title}" in chain ${chainId}`;
      return input.reward
        ? `${created}\nreward ${campaign.uuid} (${input.reward.type} codes)`
        : created;
    },
  }),
  'add-pool-codes': command({
    summary: 'add codes to a POOL reward (all or nothing)',
    flags: [
      { name: 'campaign-id', help: 'the POOL campaign' },
      { name: 'codes', help: 'codes separated by commas or newlines (at most 5000)' },
      {
        name: 'allow-duplicates',
        help: 'a repeated code is handed out more than once',
        boolean: true,
      },
    ],
    fields: addPoolCodesFields,
    run: async ({ db, dialect, chainId, now }, fields) => {
      const stock = valueOrRefused(
        await addPoolCodes(
          { kysely: db, dialect },
          { chainId, campaignId: fields.campaign_id },
          { codes: fields.codes, allowDuplicates: fields.allow_duplicates ?? false },
          now,
        ),
      );
      return `added ${stock.added} codes to campaign ${stock.campaignId}: ${stock.unused} of ${stock.total} unused`;
    },
  }),
  'create-voucher': command({
    summary: 'issue a voucher of a campaign',
    flags: [
      { name: 'campaign-id', help: 'the campaign it belongs to' },
      { name: 'member-number', help: 'its owner (default: none, an anonymous bearer voucher)' },
      { name: 'code', help: 'customer-facing code, e.g. PROMO-7HD3XP' },
      { name: 'claimed', help: 'claimed already, ready to use', boolean: true },
      { name: 'amount', help: 'basket: overrides the campaign’s amount' },
      { name: 'expires-at', help: 'ISO 8601 time (default: the campaign’s expiry)' },
    ],
    fields: createVoucherFields,
    run: async ({ db, chainId, now }, fields) => {
      const input = valueOrUsageError(await voucherInputFor(db, chainId, fields));
      const created = valueOrRefused(await createVoucher(db, cliActor(chainId), input, now));
      return `created voucher ${input.code ?? '(no code)'} (id ${created.id}) in chain ${chainId}\nkey ${created.key}`;
    },
  }),
  'create-api-key': command({
    summary: 'create an API key (Authorization: Bearer <key>)',
    flags: [
      { name: 'label', help: 'what the key is for, e.g. crm-sync' },
      { name: 'role', help: 'terminal, manager, admin or privileged (default privileged)' },
      { name: 'expires', help: 'optional: when it stops working, ISO 8601' },
    ],
    fields: createApiKeyFields,
    run: async ({ db, chainId, now }, fields) => {
      const input = newApiKeyOf(fields, 'privileged');
      const key = valueOrRefused(await createApiKey(db, cliActor(chainId), input, now));
      return `created ${input.role} API key "${fields.label}" for chain ${chainId}; it is shown this once:\n${key}`;
    },
  }),
  'list-api-keys': command({
    summary: 'list the chain’s API keys (never the keys themselves)',
    flags: [],
    fields: z.object({}),
    run: async ({ db, chainId }) => {
      const keys = await listApiKeys(db, chainId);
      if (keys.length === 0) return `chain ${chainId} has no API keys`;
      return keys.map(describeApiKey).join('\n');
    },
  }),
  'revoke-api-key': command({
    summary: 'revoke an API key at once',
    flags: [{ name: 'id', help: 'the key’s id, from list-api-keys' }],
    fields: z.object({ id: z.coerce.number().int().positive() }),
    run: async ({ db, chainId, now }, { id }) => {
      const revoked = valueOrRefused(await revokeApiKey(db, cliActor(chainId), id, now));
      return `revoked API key ${revoked.id} "${revoked.label}" of chain ${chainId}`;
    },
  }),
  'disable-account': accountCommand(
    'end an account’s sessions and refuse its logins',
    async (db, actor, id, now) => setAccountDisabled(db, actor, id, true, now),
    'disabled',
  ),
  'enable-account': accountCommand(
    'let a disabled account sign in again',
    async (db, actor, id, now) => setAccountDisabled(db, actor, id, false, now),
    'enabled',
  ),
  'unlock-account': accountCommand(
    'lift a lockout after failed logins',
    async (db, actor, id, now) => unlockAccount(db, actor, id, now),
    'unlocked',
  ),
  'reset-password': command({
    summary: 'give an account a new password; its sessions end',
    flags: [
      { name: 'username', help: 'the account’s sign-in name' },
      { name: 'password', help: 'the new password, at least 8 characters' },
    ],
    fields: z.object({ username: z.string().trim().min(1), password: newPassword }),
    run: async ({ db, chainId, now }, { username, password }) => {
      const id = valueOrRefused(await accountIdOf(db, chainId, username));
      valueOrRefused(await resetPassword(db, cliActor(chainId), id, password, now));
      return `reset the password of ${username} in chain ${chainId}; its sessions ended`;
    },
  }),
  'create-feed-key': command({
    summary: 'create the key that signs the chain’s honour-voucher feed (refused if it has one)',
    flags: [],
    fields: z.object({}),
    run: async ({ db, chainId, now }) => {
      const key = valueOrRefused(await createFeedKey(db, cliActor(chainId), now));
      return `created the honour-feed signing key of chain ${chainId}\n${describeFeedKey(key)}`;
    },
  }),
  'rotate-feed-key': command({
    summary: 'sign the honour-voucher feed with a new key from now on; the old one is retired',
    flags: [],
    fields: z.object({}),
    run: async ({ db, chainId, now }) => {
      const { key, retired } = await rotateFeedKey(db, cliActor(chainId), now);
      const was = retired === null ? 'it had none' : `key ${retired} is retired`;
      return `chain ${chainId} signs its honour feed with a new key (${was})\n${describeFeedKey(key)}\ntills must trust it before they take its pages: add it to their honourFeedPublicKeys`;
    },
  }),
  'show-feed-key': command({
    summary: 'print the public key a till trusts the chain’s honour-voucher feed by',
    flags: [],
    fields: z.object({}),
    run: async ({ db, chainId }) => {
      const key = await activeFeedKey(db, chainId);
      if (!key)
        throw new Refused(
          `chain ${chainId} has no honour-feed signing key yet; create one with create-feed-key`,
        );
      return describeFeedKey(key);
    },
  }),
  'list-vouchers': command({
    summary: 'list the chain’s vouchers with their state',
    flags: [{ name: 'member', help: 'only this member’s vouchers' }],
    fields: z.object({ member: z.string().trim().min(1).optional() }),
    run: (context, { member }) => listVouchers(context, member),
  }),
  'verify-audit': command({
    summary:
      'check the chain’s audit trail and the tills’ audit chains for tampering (exit 3 if broken)',
    flags: [],
    fields: z.object({}),
    run: (context) => verifyAuditReport(context),
  }),
};

/** A command on one account named by its username: disable, enable, unlock. */
function accountCommand(
  summary: string,
  change: (
    db: Kysely<Database>,
    actor: Actor,
    accountId: number,
    now: number,
  ) => Promise<Outcome<unknown>>,
  done: string,
) {
  return command({
    summary,
    flags: [{ name: 'username', help: 'the account’s sign-in name' }],
    fields: z.object({ username: z.string().trim().min(1) }),
    run: async ({ db, chainId, now }, { username }) => {
      const id = valueOrRefused(await accountIdOf(db, chainId, username));
      valueOrRefused(await change(db, cliActor(chainId), id, now));
      return `${done} account ${username} in chain ${chainId}`;
    },
  });
}

async function accountIdOf(
  db: Kysely<Database>,
  chainId: number,
  username: string,
): Promise<Outcome<number>> {
  const row = await db
    .selectFrom('accounts')
    .select('id')
    .where('chain_id', '=', chainId)
    .where('username', '=', username)
    .executeTakeFirst();
  return row
    ? ok(row.id)
    : refuse(
        'permission_denied_or_non_existent',
        `there is no account ${username} in chain ${chainId}`,
      );
}

const CHAIN_FLAG: Flag = { name: 'chain', help: 'the chain to work in (default 1)' };

function flagsOf(spec: Command): readonly Flag[] {
  return spec.inChain ? [...spec.flags, CHAIN_FLAG] : spec.flags;
}

function commandHelp(name: string, spec: Command): string {
  const flags = flagsOf(spec).map(
    (flag) => `      --${flag.name}${flag.boolean ? '' : ' <value>'}`.padEnd(36) + flag.help,
  );
  return [`  ${name}: ${spec.summary}`, ...flags].join('\n');
}

function usage(): string {
  return [
    'Usage: npm run engine:admin -- <command> [--flags]',
    '',
    'Works directly on the engine database named by ENGINE_DATABASE_URL',
    '(default data/engine.sqlite; a postgres:// URL for PostgreSQL), migrating it first.',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, spec]) => commandHelp(name, spec)),
    '',
    'Exit codes: 0 done, 1 refused by the engine, 2 bad or missing flags,',
    '3 verify-audit found an audit trail broken.',
  ].join('\n');
}

/** parseArgs explains `--` escapes for positionals on an unknown flag; say which flags there are instead. */
function describeArgsError(name: string, spec: Command, error: Error): string {
  if (!('code' in error) || error.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return `${name}: ${error.message}`;
  const offending = /'(-[^']*)'/.exec(error.message)?.[1] ?? 'given';
  const known = flagsOf(spec).map((flag) => `--${flag.name}`);
  return `${name}: unknown flag ${offending}; its flags are ${known.join(', ')}`;
}

interface GivenFlags {
  readonly help: boolean;
  readonly chain: string | undefined;
  /** The command's flags under their field names (`--member-number` as `member_number`). */
  readonly fields: Record<string, unknown>;
}

function readFlags(name: string, spec: Command, args: string[]): GivenFlags {
  const options = Object.fromEntries(
    flagsOf(spec).map((flag) => [
      flag.name,
      { type: flag.boolean ? ('boolean' as const) : ('string' as const) },
    ]),
  );
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    if (error instanceof Error) throw new UsageError([describeArgsError(name, spec, error)]);
    throw error;
  }
  const { help, chain, ...commandFlags } = values;
  return {
    help: help === true,
    chain: typeof chain === 'string' ? chain : undefined,
    fields: Object.fromEntries(
      Object.entries(commandFlags).map(([flag, value]) => [fieldOf(flag), value]),
    ),
  };
}

function chainIdOf(text = '1'): number {
  if (/^[1-9]\d{0,11}$/.test(text)) return Number(text);
  throw new UsageError(['--chain: must be a chain id, a positive whole number']);
}

async function run(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined) {
    console.error(usage());
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return 0;
  }
  const spec = COMMANDS[name];
  if (!spec) {
    console.error(`unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')}`);
    return 2;
  }
  const given = readFlags(name, spec, rest);
  if (given.help) {
    console.log(commandHelp(name, spec));
    return 0;
  }
  const chainId = spec.inChain ? chainIdOf(given.chain) : 0;
  const work = spec.prepare(given.fields);

  const db = await openDatabase();
  try {
    if (spec.inChain && !(await chainExists(db.kysely, chainId))) {
      console.error(`no chain ${chainId} in ${db.location}; create one with create-chain`);
      return 1;
    }
    console.log(await work({ db: db.kysely, dialect: db.dialect, chainId, now: Date.now() }));
    return 0;
  } finally {
    await db.close();
  }
}

/** The database, migrated. Its modules load on demand: the drivers take most of a second, and help or a bad flag needs none. */
async function openDatabase(): Promise<Db> {
  const [{ readConfig }, { connect }, { migrateToLatest }] = await Promise.all([
    import('./config'),
    import('./db/connect'),
    import('./db/migrate'),
  ]);
  const config = readConfig(process.env);
  if (!config.ok) throw new UsageError([config.message]);
  const { ENGINE_DATABASE_URL: url, ENGINE_DATABASE_SCHEMA: schema } = config.config;
  const db = connect(url, schema ? { schema } : {});
  try {
    await migrateToLatest(db);
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}

async function chainExists(db: Kysely<Database>, chainId: number): Promise<boolean> {
  const chain = await db
    .selectFrom('chains')
    .select('id')
    .where('id', '=', chainId)
    .executeTakeFirst();
  return chain !== undefined;
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    for (const line of error.lines) console.error(line);
    process.exitCode = 2;
  } else if (error instanceof ChainBroken) {
    console.error(error.message);
    process.exitCode = 3;
  } else if (error instanceof Refused) {
    console.error(`refused: ${error.message}`);
    process.exitCode = 1;
  } else {
    console.error(`failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
