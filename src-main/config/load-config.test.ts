import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type LoadConfigOptions } from './load-config';
import { maskSecrets } from './mask-secrets';
import type { PlatformContext } from './paths';

const GOOD = {
  engineUrl: 'http://127.0.0.1:8400',
  chainId: 7,
  storeCode: 'S042',
  terminalId: '03',
  terminalCredentials: { username: 'till-s042-03', password: 'secret-password' },
  currency: 'EUR',
  locale: 'nl-NL',
  timezone: 'Europe/Amsterdam',
  hostPosToken: 'host-pos-token-0123456789',
};

let folder: string;
let home: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'till-config-'));
  home = join(folder, 'home');
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function linux(env: Record<string, string> = {}): PlatformContext {
  return { platform: 'linux', env, home };
}

function writeConfig(content: unknown, name = 'config.json'): string {
  const path = join(folder, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function load(env: Record<string, string>, extra: Partial<LoadConfigOptions> = {}) {
  return loadConfig({ env, platform: linux(env), cwd: folder, ...extra });
}

function problemsOf(result: ReturnType<typeof load>): readonly string[] {
  if (result.ok) throw new Error('expected the config to be refused');
  return result.error.problems;
}

describe('loadConfig', () => {
  it('reads a good file and fills the defaults', () => {
    const path = writeConfig(GOOD);
    const result = load({}, { argvPath: path });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.path).toBe(path);
    expect(result.value.config).toMatchObject({
      ...GOOD,
      httpPort: 8410,
      timeouts: {
        pricingMs: 8000,
        confirmMs: 5000,
        syncMs: 10_000,
        probeMs: 1500,
        doctorMs: 5000,
      },
      engineAnswerMaxBytes: 4 * 1024 * 1024,
      offline: {
        valueVouchersAllowed: false,
        perSaleCapMinor: 0,
        perDayCapMinor: 0,
      },
      dataDir: join(home, '.local', 'share', 'voucher-till'),
    });
    expect(result.value.config).not.toHaveProperty('engineTimeoutMs');
    expect(result.value.config.offline).not.toHaveProperty('timeoutMs');
    expect(result.value.warnings).toEqual([]);
    expect(new RegExp(result.value.config.scanPatterns.item).test('8712345000011')).toBe(true);
    expect(new RegExp(result.value.config.scanPatterns.loyaltyCard).test('1000001')).toBe(true);
    expect(new RegExp(result.value.config.scanPatterns.voucher).test('DEMO-5EUR')).toBe(true);
  });

  it.each([
    ['nl-NL', undefined, 'nl'],
    ['en-GB', undefined, 'en'],
    ['de-DE', undefined, 'en'],
    ['nl-NL', 'en', 'en'],
  ])(
    'speaks the language of locale %s unless language (%s) says otherwise: %s',
    (locale, language, spoken) => {
      const path = writeConfig({ ...GOOD, locale, ...(language ? { language } : {}) });
      const result = load({}, { argvPath: path });
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value.config.language).toBe(spoken);
    },
  );

  it('takes the language from TILL_LANGUAGE', () => {
    const path = writeConfig(GOOD);
    const result = load({ TILL_LANGUAGE: 'en' }, { argvPath: path });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.config.language).toBe('en');
  });

  it('is no training till unless trainingMode or TILL_TRAINING says so', () => {
    const path = writeConfig(GOOD);
    const modeOf = (env: Record<string, string>) => {
      const result = load(env, { argvPath: path });
      if (!result.ok) throw new Error(result.error.message);
      return result.value.config.trainingMode;
    };
    expect(modeOf({})).toBe(false);
    expect(modeOf({ TILL_TRAINING: '1' })).toBe(true);
    expect(modeOf({ TILL_TRAINING: 'false' })).toBe(false);
    const inFile = writeConfig({ ...GOOD, trainingMode: true });
    const fromFile = load({}, { argvPath: inFile });
    expect(fromFile.ok && fromFile.value.config.trainingMode).toBe(true);
  });

  it.each([
    ['trainingMode', { trainingMode: 'yes' }, 'must be true or false'],
    ['offline.timeoutMs', { offline: { timeoutMs: -5 } }, 'must be a positive integer'],
    ['chainId', { chainId: 'seven' }, 'must be a positive integer'],
    ['storeCode', { storeCode: 'S-1' }, 'no dashes'],
    ['currency', { currency: 'EURO' }, 'ISO 4217'],
    ['timezone', { timezone: 'Mars/Olympus' }, 'IANA time zone'],
    ['timezone', { timezone: '+01:00' }, 'IANA time zone'],
    ['locale', { locale: 'not a locale!' }, 'BCP 47'],
    ['language', { language: 'de' }, 'must be one of en, nl'],
    ['engineUrl', { engineUrl: 'ftp://engine' }, 'http://'],
    ['httpPort', { httpPort: 70_000 }, 'port number'],
    ['hostPosToken', { hostPosToken: 'short' }, 'at least 16'],
    ['scanPatterns.item', { scanPatterns: { item: '([' } }, 'valid regular expression'],
    ['offline.perSaleCapMinor', { offline: { valueVouchersAllowed: true } }, 'positive cap'],
    ['terminalCredentials.password', { terminalCredentials: { username: 'u' } }, 'is required'],
    ['offlne', { offlne: {} }, 'is not a known setting'],
  ])('names %s and the file when it is bad', (key, change, reason) => {
    const path = writeConfig({ ...GOOD, ...change });
    const problems = problemsOf(load({}, { argvPath: path }));
    expect(problems).toContainEqual(expect.stringContaining(`config.json: ${key}: `));
    expect(problems.join('\n')).toContain(reason);
    expect(problems.join('\n')).toContain(`(file ${path})`);
  });

  it('formats a bad key as "config.json: key: reason (file path)"', () => {
    const path = writeConfig({ ...GOOD, offline: { timeoutMs: 0 } });
    const result = load({}, { argvPath: path });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.problems).toEqual([
      `config.json: offline.timeoutMs: must be a positive integer (file ${path})`,
    ]);
    expect(result.error.message).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('reads a timeout of each purpose from the file and from TILL_TIMEOUT_* variables', () => {
    const path = writeConfig({ ...GOOD, timeouts: { pricingMs: 1500, syncMs: 30_000 } });
    const result = load(
      {
        TILL_TIMEOUT_CONFIRM_MS: '8000',
        TILL_TIMEOUT_PROBE_MS: '900',
        TILL_TIMEOUT_DOCTOR_MS: '4000',
      },
      { argvPath: path },
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.config.timeouts).toEqual({
      pricingMs: 1500,
      confirmMs: 8000,
      syncMs: 30_000,
      probeMs: 900,
      doctorMs: 4000,
    });
    expect(
      problemsOf(load({}, { argvPath: writeConfig({ ...GOOD, timeouts: { syncMs: 0 } }) })),
    ).toEqual([
      expect.stringContaining('config.json: timeouts.syncMs: must be a positive integer'),
    ]);
  });

  it('still reads the deprecated timeout keys, each with a message naming it and what replaces it', () => {
    const path = writeConfig({ ...GOOD, engineTimeoutMs: 7000, offline: { timeoutMs: 500 } });
    const result = load({}, { argvPath: path });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.config.timeouts).toEqual({
      pricingMs: 500,
      confirmMs: 7000,
      syncMs: 10_000,
      probeMs: 1500,
      doctorMs: 7000,
    });
    expect(result.value.warnings).toEqual([
      `config.json: offline.timeoutMs: is deprecated: it is read as timeouts.pricingMs (where it is not set); set that instead (file ${path})`,
      `config.json: engineTimeoutMs: is deprecated: it is read as timeouts.confirmMs and timeouts.doctorMs (where those are not set); set those instead (file ${path})`,
    ]);
  });

  it('lets a timeouts key win over the deprecated one, and names a deprecated environment variable', () => {
    const path = writeConfig({
      ...GOOD,
      timeouts: { pricingMs: 1000 },
      offline: { timeoutMs: 500 },
    });
    const result = load({ TILL_ENGINE_TIMEOUT_MS: '6000' }, { argvPath: path });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.config.timeouts).toMatchObject({
      pricingMs: 1000,
      probeMs: 1500,
      confirmMs: 6000,
      doctorMs: 6000,
    });
    expect(result.value.warnings[1]).toBe(
      'TILL_ENGINE_TIMEOUT_MS (engineTimeoutMs): is deprecated: it is read as timeouts.confirmMs and timeouts.doctorMs (where those are not set); set those instead (environment)',
    );
  });

  it('names the file when it is not JSON', () => {
    const path = writeConfig('{ "chainId": 1,');
    expect(problemsOf(load({}, { argvPath: path }))[0]).toMatch(
      new RegExp(`^config\\.json: is not valid JSON: .* \\(file ${path}\\)$`),
    );
  });

  it('lets the environment win over the file', () => {
    const path = writeConfig(GOOD);
    const result = load(
      {
        TILL_PORT: '9001',
        TILL_ENGINE_URL: 'https://engine.example:8443',
        TILL_TERMINAL_PASSWORD: 'from-env',
        TILL_OFFLINE_VALUE_VOUCHERS_ALLOWED: 'true',
        TILL_OFFLINE_PER_SALE_CAP_MINOR: '2000',
        TILL_OFFLINE_PER_DAY_CAP_MINOR: '10000',
        TILL_DATA_DIR: 'relative-data',
      },
      { argvPath: path },
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.config).toMatchObject({
      httpPort: 9001,
      engineUrl: 'https://engine.example:8443',
      terminalCredentials: { username: 'till-s042-03', password: 'from-env' },
      offline: { valueVouchersAllowed: true, perSaleCapMinor: 2000, perDayCapMinor: 10000 },
      dataDir: join(folder, 'relative-data'),
    });
  });

  it('names the environment variable when an override is bad', () => {
    const path = writeConfig(GOOD);
    expect(problemsOf(load({ TILL_PORT: 'eighty' }, { argvPath: path }))).toEqual([
      'TILL_PORT (httpPort): must be an integer (environment)',
    ]);
    expect(problemsOf(load({ TILL_PORT: '0' }, { argvPath: path }))).toEqual([
      'TILL_PORT (httpPort): must be a port number from 1 to 65535 (environment)',
    ]);
  });

  it('reads the honour-feed keys from the file and from TILL_HONOUR_FEED_PUBLIC_KEYS, naming a bad one', () => {
    const first = 'ed25519:S+58wJXf6cRlMNlQsNWiaVnw4HPv0SRxBwjluYgUx4Y=';
    const second = `ed25519:${Buffer.alloc(32, 7).toString('base64')}`;
    const fromFile = load(
      {},
      { argvPath: writeConfig({ ...GOOD, honourFeedPublicKeys: [first] }) },
    );
    if (!fromFile.ok) throw new Error(fromFile.error.message);
    expect(fromFile.value.config.honourFeedPublicKeys).toEqual([first]);

    const path = writeConfig(GOOD);
    const noKeys = load({}, { argvPath: path });
    expect(noKeys.ok && noKeys.value.config.honourFeedPublicKeys).toEqual([]);
    const fromEnv = load(
      { TILL_HONOUR_FEED_PUBLIC_KEYS: ` ${first} , ${second} ` },
      { argvPath: path },
    );
    if (!fromEnv.ok) throw new Error(fromEnv.error.message);
    expect(fromEnv.value.config.honourFeedPublicKeys).toEqual([first, second]);

    const bad = writeConfig({ ...GOOD, honourFeedPublicKeys: [first, 'rsa:AAAA'] });
    expect(problemsOf(load({}, { argvPath: bad }))).toEqual([
      `config.json: honourFeedPublicKeys.1: must start with "ed25519:" (as show-feed-key prints it) (file ${bad})`,
    ]);
  });

  it('reads the file TILL_CONFIG names, and --config over it', () => {
    const named = writeConfig({ ...GOOD, storeCode: 'FROMENV' }, 'named.json');
    const fromEnv = load({ TILL_CONFIG: named });
    if (!fromEnv.ok) throw new Error(fromEnv.error.message);
    expect(fromEnv.value.config.storeCode).toBe('FROMENV');

    const argv = writeConfig({ ...GOOD, storeCode: 'FROMARGV' }, 'argv.json');
    const fromArgv = load({ TILL_CONFIG: named }, { argvPath: argv });
    if (!fromArgv.ok) throw new Error(fromArgv.error.message);
    expect(fromArgv.value.config.storeCode).toBe('FROMARGV');
  });

  it('refuses a TILL_CONFIG file that does not exist', () => {
    const missing = join(folder, 'nowhere.json');
    expect(problemsOf(load({ TILL_CONFIG: missing }))).toEqual([
      `nowhere.json: cannot be read: does not exist (file ${missing})`,
    ]);
  });

  it('loads a file of an older till that still sets lockPeriodSeconds, saying that it is ignored', () => {
    const path = writeConfig({ ...GOOD, lockPeriodSeconds: 600 });
    const result = load({ TILL_LOCK_PERIOD_SECONDS: '900' }, { argvPath: path });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.config).toMatchObject(GOOD);
    expect(result.value.config).not.toHaveProperty('lockPeriodSeconds');
    expect(result.value.warnings).toEqual([
      `config.json: lockPeriodSeconds is no longer a setting and is ignored: the engine's campaign decides how long a voucher stays locked; remove it from the file (file ${path})`,
      "TILL_LOCK_PERIOD_SECONDS is no longer read and is ignored: the engine's campaign decides how long a voucher stays locked (environment)",
    ]);
  });

  it('has no warnings for a file of current settings', () => {
    const result = load({}, { argvPath: writeConfig(GOOD) });
    expect(result.ok && result.value.warnings).toEqual([]);
  });

  it('resolves a relative dataDir in the file against the file folder', () => {
    const path = writeConfig({ ...GOOD, dataDir: 'data' });
    const result = load({}, { argvPath: path });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.config.dataDir).toBe(join(folder, 'data'));
  });

  it('runs the demo with no file at all, from the default path', () => {
    const result = load({});
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.fileFound).toBe(false);
    expect(result.value.path).toBe(join(home, '.config', 'voucher-till', 'config.json'));
    expect(result.value.config).toMatchObject({
      chainId: 1,
      storeCode: 'S001',
      currency: 'EUR',
      terminalCredentials: { username: 'till-s001-01' },
    });
    expect(result.value.config.engineUrl).toBeUndefined();
  });

  it('requires the identity when an engine URL is set and there is no file', () => {
    const problems = problemsOf(load({ TILL_ENGINE_URL: 'http://engine:8400' }));
    const expected = join(home, '.config', 'voucher-till', 'config.json');
    expect(problems).toContain(
      `chainId: is required (no config file at ${expected}; set it in that file or in TILL_CHAIN_ID)`,
    );
    expect(problems).toContain(
      `terminalCredentials: is required (no config file at ${expected}; set it in that file or in TILL_TERMINAL_USERNAME and TILL_TERMINAL_PASSWORD)`,
    );
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'chainId',
      'storeCode',
      'terminalId',
      'terminalCredentials',
      'currency',
      'timezone',
    ]);
  });
});

describe('maskSecrets', () => {
  it('replaces the password, the host-POS token and URL credentials', () => {
    const path = writeConfig({ ...GOOD, engineUrl: 'https://ops:pw@engine.local:8400/' });
    const result = load({}, { argvPath: path });
    if (!result.ok) throw new Error(result.error.message);
    const masked = maskSecrets(result.value.config);
    const text = JSON.stringify(masked);
    expect(masked.terminalCredentials).toEqual({ username: 'till-s042-03', password: '***' });
    expect(masked.hostPosToken).toBe('***');
    expect(text).not.toContain('secret-password');
    expect(text).not.toContain('host-pos-token');
    expect(text).not.toContain(':pw@');
    expect(result.value.config.terminalCredentials.password).toBe('secret-password');
  });
});

describe('how the till reaches its engine', () => {
  const refusal = (host: string, where: string) =>
    `config.json: engineUrl: is plain http:// to ${host}, which is not this machine: the terminal's password and every sale would cross the network unencrypted; use https:// (the engine's ENGINE_TLS_CERT and ENGINE_TLS_KEY), or set allowPlainHttpEngine to true on a network you trust (file ${where})`;

  it('refuses plain http:// to an address that is not this machine, naming allowPlainHttpEngine', () => {
    for (const [engineUrl, host] of [
      ['http://10.1.2.3:8080', '10.1.2.3'],
      ['http://engine.store.example:8400', 'engine.store.example'],
      ['http://[fe80::1]:8400', '[fe80::1]'],
      ['http://0.0.0.0:8400', '0.0.0.0'],
    ] as const) {
      const path = writeConfig({ ...GOOD, engineUrl });
      expect(problemsOf(load({}, { argvPath: path }))).toEqual([refusal(host, path)]);
    }
  });

  it('accepts plain http:// on loopback, https:// anywhere, and plain http:// when allowed', () => {
    const accepted = (settings: Record<string, unknown>, env: Record<string, string> = {}) => {
      const result = load(env, { argvPath: writeConfig({ ...GOOD, ...settings }) });
      if (!result.ok) throw new Error(result.error.message);
      return result.value.config;
    };
    for (const engineUrl of [
      'http://127.0.0.1',
      'http://127.0.0.1:8400',
      'http://127.8.9.10:8400',
      'http://localhost:8400',
      'http://[::1]:8400',
      'https://10.1.2.3:8443',
    ])
      expect(accepted({ engineUrl })).toMatchObject({ engineUrl, allowPlainHttpEngine: false });
    expect(
      accepted({ engineUrl: 'http://10.1.2.3:8080', allowPlainHttpEngine: true }),
    ).toMatchObject({ allowPlainHttpEngine: true });
    expect(
      accepted({ engineUrl: 'http://10.1.2.3:8080' }, { TILL_ALLOW_PLAIN_HTTP_ENGINE: 'true' }),
    ).toMatchObject({ allowPlainHttpEngine: true });
  });

  it('names the variable when the engine URL comes from the environment', () => {
    const path = writeConfig(GOOD);
    expect(
      problemsOf(load({ TILL_ENGINE_URL: 'http://10.1.2.3:8080' }, { argvPath: path })),
    ).toEqual([
      expect.stringMatching(
        /^TILL_ENGINE_URL \(engineUrl\): is plain http:\/\/ to 10\.1\.2\.3, .*allowPlainHttpEngine to true .*\(environment\)$/,
      ),
    ]);
  });

  // PEM armour around bytes that are no certificate
  const NOT_A_CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBfjCCASWgAwIBAgIUB7Xwq9gkq4dZq1tBHQ6m3oOZ9J4wCgYIKoZIzj0EAwIw
FTETMBEGA1UEAwwKdGVzdCBzdG9yZTAeFw0yNjAxMDEwMDAwMDBaFw0zNjAxMDEw
MDAwMDBaMBUxEzARBgNVBAMMCnRlc3Qgc3RvcmUwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAT8TDc9ynW5fXkR5Uu3Y0d9n8oWqmjO0Yy8O5b3lGJmXWcWzZ7Lbq3n
-----END CERTIFICATE-----
`;

  it('reads engineCaFile relative to the config file, and refuses one that is missing or not a PEM certificate', async () => {
    const missing = writeConfig({ ...GOOD, engineUrl: 'https://10.1.2.3', engineCaFile: 'ca.pem' });
    expect(problemsOf(load({}, { argvPath: missing }))).toEqual([
      `config.json: engineCaFile: cannot be read: ${join(folder, 'ca.pem')} does not exist (file ${missing})`,
    ]);
    writeConfig('not a certificate', 'ca.pem');
    expect(problemsOf(load({}, { argvPath: missing }))).toEqual([
      `config.json: engineCaFile: ${join(folder, 'ca.pem')} does not hold a PEM certificate (-----BEGIN CERTIFICATE----- …) (file ${missing})`,
    ]);
    writeConfig(NOT_A_CERTIFICATE, 'ca.pem');
    expect(problemsOf(load({}, { argvPath: missing }))).toEqual([
      expect.stringContaining('does not hold a PEM certificate'),
    ]);
    const ca = await generate([{ name: 'commonName', value: 'store CA' }], { keyType: 'ec' });
    writeConfig(ca.cert, 'ca.pem');
    const result = load({}, { argvPath: missing });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.config.engineCaFile).toBe(join(folder, 'ca.pem'));
  });
});
