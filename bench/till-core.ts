/**
 * `npm run bench:till-core`: the till core's own overhead per price call — the time a scan
 * takes through the till's loopback API minus the time its get-basket-price spent in the
 * engine (measured by a timing proxy between the two) — p50 and p99 over 1,000 scans.
 * Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import {
  createServer,
  request as forward,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { DEMO_IDENTITY } from '../src-main/config';
import { startTill } from '../src-main/till-main';
import { spawnServer } from './support/process';

const SCANS = 1000;
const dir = mkdtempSync(join(tmpdir(), 'bench-till-'));
const engine = await spawnServer(
  'src-engine/main.ts',
  { ENGINE_DATABASE_URL: join(dir, 'engine.sqlite'), LOG_LEVEL: 'info' },
  ['--demo'],
);
const target = new URL(engine.url);

const engineTiming = { lastMs: 0 };
const proxy = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
  const started = process.hrtime.bigint();
  const upstream = forward(
    {
      host: target.hostname,
      port: target.port,
      path: incoming.url,
      method: incoming.method,
      headers: incoming.headers,
    },
    (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
      answer.on('end', () => {
        if (incoming.url === '/auth/get-basket-price')
          engineTiming.lastMs = Number(process.hrtime.bigint() - started) / 1e6;
      });
    },
  );
  incoming.pipe(upstream);
});
await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

const started = await startTill({
  env: {
    TILL_ENGINE_URL: proxyUrl,
    TILL_CHAIN_ID: '1',
    TILL_STORE_CODE: 'S001',
    TILL_TERMINAL_ID: '01',
    TILL_TERMINAL_USERNAME: 'till-s001-01',
    TILL_TERMINAL_PASSWORD: 'demo-till',
    TILL_CURRENCY: 'EUR',
    TILL_TIMEZONE: 'Europe/Amsterdam',
    TILL_DATA_DIR: join(dir, 'till'),
    TILL_HONOUR_FEED_PUBLIC_KEYS: DEMO_IDENTITY.honourFeedPublicKeys.join(','),
  },
  port: 0,
  log: pino({ level: 'warn' }),
});
if (!started.ok) throw new Error(started.error.message);
const till = started.value;

async function send(command: string, input: unknown): Promise<unknown> {
  const answer = await fetch(`${till.apiUrl}/api/${command}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${till.uiToken}` },
    body: JSON.stringify(input),
  });
  return answer.json();
}

const sale = (await send('sale/start', {})) as { value: { saleId: string } };
const saleId = sale.value.saleId;
await send('sale/scan', { saleId, code: '1000001' });
const overheads: number[] = [];
const totals: number[] = [];
for (let n = 0; n < SCANS; n += 1) {
  engineTiming.lastMs = 0;
  const begin = process.hrtime.bigint();
  await send('sale/scan', { saleId, code: '8712345000011' });
  const totalMs = Number(process.hrtime.bigint() - begin) / 1e6;
  totals.push(totalMs);
  overheads.push(totalMs - engineTiming.lastMs);
}
await send('sale/void', { saleId });
await till.stop();
proxy.close();
await engine.stop();
rmSync(dir, { recursive: true, force: true });

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
console.log(`till core, ${SCANS} scans each priced by the engine (Node ${process.version})\n`);
console.log(`${''.padEnd(34)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}`);
console.log(
  `${'scan, end to end'.padEnd(34)}${percentile(totals, 50).toFixed(2).padStart(9)}${percentile(totals, 99).toFixed(2).padStart(9)}`,
);
console.log(
  `${'till overhead (minus the engine)'.padEnd(34)}${percentile(overheads, 50).toFixed(2).padStart(9)}${percentile(overheads, 99).toFixed(2).padStart(9)}`,
);
