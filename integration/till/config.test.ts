import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import { z } from 'zod';
import { startTill } from '../../src-main/till-main';
import { tempDir, tillSettings, TILL_ONE } from '../../test-support/till/till-harness';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('a bad config file stops the till with a message naming the key and the file', async () => {
  const dir = tempDir('till-config-');
  dirs.push(dir);
  const file = join(dir, 'till.json');
  writeFileSync(
    file,
    JSON.stringify({ ...tillSettings('http://127.0.0.1:9', dir, TILL_ONE), chainId: 'one' }),
  );
  const started = await startTill({ env: {}, argvPath: file, port: 0 });
  expect(started.ok).toBe(false);
  const message = started.ok ? '' : started.error.message;
  expect(message).toContain('chainId');
  expect(message).toContain(file);
});

it('a config file of an older till that sets lockPeriodSeconds starts, with a warning in the log', async () => {
  const dir = tempDir('till-config-');
  dirs.push(dir);
  const file = join(dir, 'till.json');
  writeFileSync(
    file,
    JSON.stringify({
      ...tillSettings('http://127.0.0.1:9', dir, TILL_ONE),
      lockPeriodSeconds: 300,
    }),
  );
  const lines: string[] = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
  const started = await startTill({ env: {}, argvPath: file, port: 0, log });
  if (!started.ok) throw new Error(started.error.message);
  await started.value.stop();
  const warnings = lines.map((line) => z.object({ msg: z.string() }).parse(JSON.parse(line)).msg);
  expect(warnings).toContainEqual(
    expect.stringContaining(`till.json: lockPeriodSeconds is no longer a setting and is ignored`),
  );
});

it('an older config file with the deprecated timeout keys starts the till, which names each key in its log', async () => {
  const dir = tempDir('till-config-');
  dirs.push(dir);
  const file = join(dir, 'till.json');
  writeFileSync(
    file,
    JSON.stringify({
      ...tillSettings('http://127.0.0.1:9', dir, TILL_ONE),
      engineTimeoutMs: 5000,
      offline: { timeoutMs: 2000 },
    }),
  );
  const lines: string[] = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
  const started = await startTill({ env: {}, argvPath: file, port: 0, log });
  if (!started.ok) throw new Error(started.error.message);
  await started.value.stop();
  expect(started.value.config.timeouts).toEqual({
    pricingMs: 2000,
    confirmMs: 5000,
    syncMs: 10_000,
    probeMs: 1500,
    doctorMs: 5000,
  });
  const warnings = lines.map((line) => z.object({ msg: z.string() }).parse(JSON.parse(line)).msg);
  expect(warnings).toContainEqual(
    expect.stringMatching(/^till\.json: offline\.timeoutMs: is deprecated: .*timeouts\.pricingMs/),
  );
  expect(warnings).toContainEqual(
    expect.stringMatching(/^till\.json: engineTimeoutMs: is deprecated: .*timeouts\.confirmMs/),
  );
});
