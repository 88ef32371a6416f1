import { afterEach, beforeEach, expect, it } from 'vitest';
import { CHECK_NAMES } from '../../src-main/doctor/check';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';
import { runDiagnostics } from '../../src-main/doctor/run-diagnostics';
import { DEMO } from '../../test-support/till/demo-baskets';
import {
  checkNamed,
  expectCheck,
  demoSettings,
  runDoctorCli,
  tillFolder,
  verdicts,
  type TillFolder,
} from '../../test-support/till/doctor';

const WRONG_PASSWORD = 'not-the-demo-password';

describeEachDatabase('till:doctor against a running engine', (database) => {
  let engine: TestEngine;
  let till: TillFolder;

  beforeEach(async () => {
    engine = await startTestEngine(database, { demo: true });
    till = tillFolder();
  });
  afterEach(async () => {
    till.dispose();
    await engine.close();
  });

  it('passes every check for a configured terminal with a migrated store', async () => {
    const configPath = till.writeConfig(demoSettings(engine.url, till.dataDir));
    till.createStore();

    const report = await runDiagnostics({ env: till.env, argvPath: configPath });

    expect(verdicts(report.checks)).toEqual({
      config: 'ok',
      'data directory': 'ok',
      'local database': 'ok',
      'audit log': 'ok',
      'engine reachability': 'ok',
      'terminal credentials': 'ok',
      'store and terminal': 'ok',
      'clock skew': 'ok',
      'honour feed': 'ok',
    });
    expect(checkNamed(report.checks, 'config').detail).toContain(configPath);
    expect(checkNamed(report.checks, 'config').detail).toContain('--config');
    expect(checkNamed(report.checks, 'local database').detail).toMatch(/\d+ bytes, integrity ok/);
    expect(checkNamed(report.checks, 'terminal credentials').detail).toContain(
      DEMO.terminal.username,
    );
    expect(report.config?.terminalCredentials.password).toBe('***');
  });

  it('prints OK per check and a masked summary from the real CLI, exit 0', async () => {
    const configPath = till.writeConfig(demoSettings(engine.url, till.dataDir));
    till.createStore();

    const run = await runDoctorCli(['--config', configPath], till.env);

    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.match(/^\[OK {2}\] /gm)).toHaveLength(CHECK_NAMES.length);
    expect(run.stdout).toContain('terminalCredentials.password = "***"');
    expect(run.stdout).not.toContain(DEMO.terminal.password);
  });

  it('fails the credentials check on a wrong password, exit 1, never printing it', async () => {
    const configPath = till.writeConfig(demoSettings(engine.url, till.dataDir, WRONG_PASSWORD));
    till.createStore();

    const report = await runDiagnostics({ env: till.env, argvPath: configPath });
    expectCheck(
      checkNamed(report.checks, 'terminal credentials'),
      'fail',
      'does not accept the username or password',
    );
    expect(checkNamed(report.checks, 'engine reachability').verdict).toBe('ok');

    const run = await runDoctorCli(['--config', configPath], till.env);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^\[FAIL\] terminal credentials /m);
    expect(run.stdout).toContain(
      `Next step: Check terminalCredentials.username and terminalCredentials.password in ${configPath}`,
    );
    expect(checkNamed(report.checks, 'store and terminal')).toMatchObject({
      verdict: 'skipped',
      detail:
        'chain 1, store S001 could not be checked against the engine: the terminal account could not sign in',
    });
    expect(run.stdout + run.stderr).not.toContain(WRONG_PASSWORD);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  it('judges the clock against the engine’s: a warning beyond 5 s, a failure beyond 60 s', async () => {
    const configPath = till.writeConfig(demoSettings(engine.url, till.dataDir));
    till.createStore();
    const withClockOff = async (offsetMs: number) =>
      checkNamed(
        (
          await runDiagnostics({
            env: till.env,
            argvPath: configPath,
            now: () => Date.now() + offsetMs,
          })
        ).checks,
        'clock skew',
      );

    expectCheck(await withClockOff(-10_000), 'warn', 'ahead of');
    expectCheck(await withClockOff(120_000), 'fail', 'behind');
  });
});
