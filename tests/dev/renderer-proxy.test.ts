import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closedPort } from '../../test-support/till/fake-engine';
import { startTestTill, TILL_ONE, type TestTill } from '../../test-support/till/till-harness';

// `npm run dev:renderer` against a running till: the project's own vite.config.ts, on port 0,
// with TILL_URL naming a real till core (its engine unreachable: the till is simply offline).
let till: TestTill | undefined;
let vite: ViteDevServer | undefined;

beforeAll(async () => {
  till = await startTestTill(`http://127.0.0.1:${String(await closedPort())}`, TILL_ONE);
  vi.stubEnv('TILL_URL', till.till.apiUrl);
  try {
    vite = await createServer({
      configFile: 'vite.config.ts',
      server: { host: '127.0.0.1', port: 0 },
      logLevel: 'silent',
    });
  } finally {
    vi.unstubAllEnvs();
  }
  await vite.listen();
}, 60_000);

afterAll(async () => {
  await vite?.close();
  await till?.close();
});

function devServerUrl(): string {
  const url = vite?.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('the dev server did not start');
  return url.replace(/\/$/, '');
}

describe('the renderer dev server', () => {
  it('serves the till UI', async () => {
    const page = await fetch(`${devServerUrl()}/?token=abc`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="root"');
  });

  it('passes /api on to the till, which accepts it with the launch token', async () => {
    if (!till) throw new Error('the till did not start');
    const answer = await till.send('status/get', {}, devServerUrl());
    expect(answer.ok).toBe(true);
  });

  it('leaves the till’s token check in place', async () => {
    const answer = await fetch(`${devServerUrl()}/api/status/get`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(answer.status).toBe(401);
  });
});
