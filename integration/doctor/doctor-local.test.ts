import { chmodSync, writeFileSync } from 'node:fs';
import { CHECK_NAMES } from '../../src-main/doctor/check';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { judgeLatency, judgeSkew } from '../../src-main/doctor/check';
import { runDiagnostics } from '../../src-main/doctor/run-diagnostics';
import { appendAudit, databasePath, openStore } from '../../src-main/store';
import { closedPort, startFakeEngine } from '../../test-support/till/fake-engine';
import {
  checkNamed,
  inEnglish,
  expectCheck,
  demoSettings,
  runDoctorCli,
  tillFolder,
  verdicts,
  type TillFolder,
} from '../../test-support/till/doctor';

const SECRET = 'secret-password-42';

describe('till:doctor without a working engine', () => {
  let till: TillFolder;
  beforeEach(() => {
    till = tillFolder();
  });
  afterEach(() => {
    till.dispose();
  });

  it('fails reachability where nothing listens and reports the later engine checks as skipped', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const configPath = till.writeConfig(demoSettings(url, till.dataDir, SECRET));

    const report = await runDiagnostics({ env: till.env, argvPath: configPath });

    expectCheck(checkNamed(report.checks, 'engine reachability'), 'fail', 'cannot be reached');
    expect(checkNamed(report.checks, 'engine reachability').nextStep).toBe(
      `Start the voucher engine or check engineUrl in ${configPath}; the till keeps selling offline meanwhile.`,
    );
    for (const name of ['terminal credentials', 'clock skew']) {
      expect(checkNamed(report.checks, name)).toEqual({
        name,
        verdict: 'skipped',
        detail: 'the engine is not reachable',
        nextStep: null,
      });
    }
    // not a pass: the store was not confirmed, and the check says so
    expect(checkNamed(report.checks, 'store and terminal')).toEqual({
      name: 'store and terminal',
      verdict: 'skipped',
      detail:
        'chain 1, store S001 could not be checked against the engine: the engine is not reachable',
      nextStep: null,
    });
  });

  it('fails reachability, naming what came back, when a load balancer answers an HTML 502', async () => {
    const balancer = await startFakeEngine(() => ({
      status: 502,
      text: '<html><body>Bad Gateway</body></html>',
      headers: { 'content-type': 'text/html' },
    }));
    try {
      const configPath = till.writeConfig(demoSettings(balancer.url, till.dataDir, SECRET));
      const report = await runDiagnostics({ env: till.env, argvPath: configPath });
      expectCheck(
        checkNamed(report.checks, 'engine reachability'),
        'fail',
        'answered HTTP 502 with an HTML page',
      );
      expect(checkNamed(report.checks, 'terminal credentials').verdict).toBe('skipped');
      expect(balancer.requests[0]?.headers['user-agent']).toMatch(
        /^voucher-till\/\d+\.\d+\.\d+ \(S001-01\)$/,
      );
    } finally {
      await balancer.close();
    }
  });

  it('fails the database check on a file of garbage, saying it is not a database', async () => {
    const configPath = till.writeConfig(demoSettings(undefined, till.dataDir));
    till.createStore();
    const path = databasePath(till.dataDir);
    writeFileSync(path, Buffer.alloc(8192, 0x5a));

    const report = await runDiagnostics({ env: till.env, argvPath: configPath });

    const check = checkNamed(report.checks, 'local database');
    expect(check.verdict).toBe('fail');
    expect(check.detail).toContain(path);
    expect(check.detail).toContain('not a database');
  });

  it('fails the audit log check on an entry edited behind the till, naming it', async () => {
    const configPath = till.writeConfig(demoSettings(undefined, till.dataDir));
    const opened = openStore(databasePath(till.dataDir));
    if (!opened.ok) throw new Error(opened.error.message);
    for (const [n, detail] of ['customer walked out', 'till crashed', 'duplicate scan'].entries())
      appendAudit(opened.value, {
        at: new Date(Date.UTC(2026, 10, 23, 10, n)),
        actor: 'manager-s001',
        action: 'unlock_voucher',
        voucherKey: `key-${n}`,
        basketCode: null,
        voucherCode: null,
        subject: null,
        detail,
      });
    opened.value.close();
    const intact = await runDiagnostics({ env: till.env, argvPath: configPath });
    expectCheck(checkNamed(intact.checks, 'audit log'), 'ok', 'intact: 3 entries chained');

    // what someone holding the file can do: drop the append-only trigger and edit
    const file = new SQLite(databasePath(till.dataDir));
    file.exec(`DROP TRIGGER audit_no_update; UPDATE audit SET detail = 'nothing' WHERE seq = 2`);
    file.close();
    const report = await runDiagnostics({ env: till.env, argvPath: configPath });
    expectCheck(
      checkNamed(report.checks, 'audit log'),
      'fail',
      'not intact at entry seq 2 (id 2, unlock_voucher by manager-s001 at 2026-11-23T10:01:00.000Z): its content does not match its hash (the row was edited)',
    );
    expect(checkNamed(report.checks, 'local database').verdict).toBe('ok');
  });

  it('creates a missing data directory and warns that the database does not exist yet', async () => {
    const configPath = till.writeConfig(demoSettings(undefined, till.dataDir));

    const report = await runDiagnostics({ env: till.env, argvPath: configPath });

    expectCheck(checkNamed(report.checks, 'data directory'), 'ok', 'was created, writable');
    expectCheck(
      checkNamed(report.checks, 'local database'),
      'warn',
      'creates it on its first start',
    );
    expect(checkNamed(report.checks, 'audit log')).toEqual({
      name: 'audit log',
      verdict: 'skipped',
      detail: 'there is no local database yet',
      nextStep: null,
    });
  });

  it('says plainly in demo mode that no engine is configured and npm start starts one', async () => {
    const configPath = till.writeConfig(demoSettings(undefined, till.dataDir));
    till.createStore();

    const report = await runDiagnostics({ env: till.env, argvPath: configPath });

    expect(verdicts(report.checks)).toEqual({
      config: 'ok',
      'data directory': 'ok',
      'local database': 'ok',
      'audit log': 'ok',
      'engine reachability': 'warn',
      'terminal credentials': 'warn',
      'store and terminal': 'warn',
      'clock skew': 'warn',
      'honour feed': 'ok',
    });
    for (const name of [
      'engine reachability',
      'terminal credentials',
      'store and terminal',
      'clock skew',
    ]) {
      expect(checkNamed(report.checks, name).detail).toContain('no engine is configured');
      expect(checkNamed(report.checks, name).detail).toContain('or use `npm start`');
    }
  });

  it('warns when the config file, which holds the password, is open to other accounts, naming the file and the chmod to run', async () => {
    const configPath = till.writeConfig(demoSettings(undefined, till.dataDir));
    till.createStore();
    chmodSync(configPath, 0o644);

    const report = await runDiagnostics({ env: till.env, argvPath: configPath });
    const config = checkNamed(report.checks, 'config');
    expect(config.verdict).toBe('warn');
    expect(config.detail).toContain(
      `config.json is readable by group and others (mode 644) and holds the terminal's password: run \`chmod 600 ${configPath}\``,
    );
    const run = await runDoctorCli(['--config', configPath], till.env);
    expect(run.stdout).toMatch(/^\[WARN\] config /m);
    expect(run.stdout).toContain(`chmod 600 ${configPath}`);

    chmodSync(configPath, 0o620);
    const writable = await runDiagnostics({ env: till.env, argvPath: configPath });
    expect(checkNamed(writable.checks, 'config').detail).toContain(
      'config.json is writable by group (mode 620)',
    );

    chmodSync(configPath, 0o600);
    const closed = await runDiagnostics({ env: till.env, argvPath: configPath });
    expect(checkNamed(closed.checks, 'config').verdict).toBe('ok');
  });

  it('names the key and the file of a bad config, skips the rest, and the CLI exits 1', async () => {
    const configPath = till.writeConfig({
      ...demoSettings('http://127.0.0.1:8400', till.dataDir, SECRET),
      storeCode: 'S-001',
    });

    const report = await runDiagnostics({ env: till.env, argvPath: configPath });
    const config = checkNamed(report.checks, 'config');
    expect(config.verdict).toBe('fail');
    expect(config.detail).toContain('storeCode');
    expect(config.detail).toContain(configPath);
    expect(
      inEnglish(report.checks)
        .slice(1)
        .map(({ verdict, detail }) => ({ verdict, detail })),
    ).toEqual(
      Array(CHECK_NAMES.length - 1).fill({
        verdict: 'skipped',
        detail: 'the configuration is not valid',
      }),
    );
    expect(config.nextStep).toContain(`Correct the settings named above in ${configPath}`);

    const run = await runDoctorCli(['--config', configPath], till.env);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^\[FAIL\] config /m);
    expect(run.stdout).toContain('storeCode');
    expect(run.stdout).toContain(configPath);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  it('warns about a setting older tills read, and loads the rest', async () => {
    const settings = { ...demoSettings(undefined, till.dataDir), lockPeriodSeconds: 300 };
    const report = await runDiagnostics({ env: till.env, argvPath: till.writeConfig(settings) });
    const ignored = 'lockPeriodSeconds is no longer a setting and is ignored';
    expectCheck(checkNamed(report.checks, 'config'), 'warn', ignored);
    expect(report.config).not.toHaveProperty('lockPeriodSeconds');
  });

  it('keeps a password out of the report when the config file is not even valid JSON', async () => {
    const configPath = till.writeConfig({});
    // V8's parse error quotes the text around the bad token: here the password's tail
    writeFileSync(configPath, `{"terminalCredentials":{"password":"${SECRET}","u":@}}`);

    const report = await runDiagnostics({ env: till.env, argvPath: configPath });

    const detail = checkNamed(report.checks, 'config').detail;
    expect(detail).toContain('is not valid JSON');
    expect(detail).toContain(configPath);
    expect(detail).not.toContain(SECRET.slice(-4));
  });

  it('exits 2 with the usage on an unknown flag', async () => {
    const run = await runDoctorCli(['--verbose'], till.env);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Unknown option '--verbose'");
    expect(run.stderr).toContain('usage: npm run till:doctor');
  });
});

describe('the doctor’s thresholds', () => {
  it('warns on latency over 1 s', () => {
    expect(judgeLatency(1_000)).toBe('ok');
    expect(judgeLatency(1_001)).toBe('warn');
  });

  it('warns on a clock skew beyond 5 s and fails beyond 60 s, either way', () => {
    expect(judgeSkew(5_000)).toBe('ok');
    expect(judgeSkew(-5_001)).toBe('warn');
    expect(judgeSkew(60_000)).toBe('warn');
    expect(judgeSkew(60_001)).toBe('fail');
    expect(judgeSkew(-60_001)).toBe('fail');
  });
});

describe('the honour feed check', () => {
  let till: TillFolder;
  beforeEach(() => {
    till = tillFolder();
  });
  afterEach(() => {
    till.dispose();
  });

  const feedCheckOf = async (settings: Record<string, unknown>) => {
    const configPath = till.writeConfig({
      ...demoSettings(`http://127.0.0.1:${await closedPort()}`, till.dataDir),
      ...settings,
    });
    const report = await runDiagnostics({ env: till.env, argvPath: configPath });
    return checkNamed(report.checks, 'honour feed');
  };

  it('fails with the next step when no key is configured', async () => {
    till.createStore();
    const check = await feedCheckOf({ honourFeedPublicKeys: [] });
    expectCheck(check, 'fail', 'no honourFeedPublicKeys are configured');
    expect(check.nextStep).toContain('npm run engine:admin -- show-feed-key --chain 1');
  });

  it('says so when the last page verified, and warns while none has come', async () => {
    till.createStore();
    expectCheck(await feedCheckOf({}), 'ok', 'verified with key 92685493b51db819');
    till.dispose();
    till = tillFolder();
    till.createStore(null);
    expectCheck(await feedCheckOf({}), 'warn', 'no honour-feed page has been received yet');
  });

  it('fails with why the last page was refused and what to do about it', async () => {
    till.createStore({
      verified: false,
      code: 'unknown_key',
      reason: 'the page was signed with key 0123456789abcdef, which this till does not trust',
      cursor: 12,
    });
    const unknownKey = await feedCheckOf({});
    expectCheck(unknownKey, 'fail', 'the last page (from cursor 12, at ');
    expect(unknownKey.detail).toContain('which this till does not trust');
    expect(unknownKey.detail).toContain('The honour cache keeps its last good state');
    expect(unknownKey.nextStep).toContain('show-feed-key --chain 1');

    till.dispose();
    till = tillFolder();
    till.createStore({
      verified: false,
      code: 'bad_signature',
      reason: 'the page’s signature does not match its body (key 92685493b51db819)',
      cursor: 12,
    });
    const altered = await feedCheckOf({});
    expectCheck(altered, 'fail', 'does not match its body');
    expect(altered.nextStep).toContain('changes its answers');
    const run = await runDoctorCli(['--config', `${till.folder}/config.json`], till.env);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /^\[FAIL\] honour feed +trusts key 92685493b51db819; the last page/m,
    );
  });
});
