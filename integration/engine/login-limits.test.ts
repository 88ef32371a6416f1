import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basketRequest, item } from '../../test-support/engine/baskets';
import { call, loginAs, type Answer } from '../../test-support/engine/client';
import { DATABASES, startTestEngine, type TestEngine } from '../../test-support/engine/harness';

/** A login sent from one loopback address (127.0.0.x): the engine sees each as another caller. */
function loginFrom(
  engine: TestEngine,
  localAddress: string,
  username: string,
  password: string,
): Promise<Answer & { retryAfter: string | undefined }> {
  const body = new URLSearchParams({ username, password }).toString();
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      `${engine.url}/auth/login`,
      {
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        agent: false,
      },
      (incoming) => {
        let text = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (chunk: string) => (text += chunk));
        incoming.on('end', () => {
          const parsed: unknown = JSON.parse(text);
          resolve({
            status: incoming.statusCode ?? 0,
            body: typeof parsed === 'object' && parsed !== null ? { ...parsed } : {},
            retryAfter: incoming.headers['retry-after'],
          });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const DEMO_USERNAMES = ['till-s001-01', 'manager-s001', 'admin'];

const errorName = (answer: Answer) => JSON.stringify(answer.body.error ?? null);

describe.each(DATABASES.map((database) => [database.name, database] as const))(
  'login limits [%s]',
  (_name, database) => {
    let engine: TestEngine;
    beforeAll(async () => {
      engine = await startTestEngine(database, { demo: true });
      const admin = await loginAs(engine.url, 'admin', 'demo-admin');
      for (const username of ['victim', 'flooded'])
        await call(engine.url, '/admin/accounts', {
          session: admin,
          form: {
            username,
            password: `${username}-password`,
            role: 'terminal',
            store_code: 'S001',
          },
        });
    });
    afterAll(() => engine.close());

    it('five wrong passwords lock the account out (429, Retry-After) until an admin unlocks it, audited', async () => {
      for (let attempt = 0; attempt < 5; attempt += 1)
        expect((await loginFrom(engine, '127.0.0.5', 'victim', 'wrong-guess')).status).toBe(401);
      const locked = await loginFrom(engine, '127.0.0.6', 'victim', 'victim-password');
      expect(locked.status).toBe(429);
      expect(errorName(locked)).toContain('too_many_attempts');
      expect(Number(locked.retryAfter)).toBeGreaterThan(0);

      const admin = await loginAs(engine.url, 'admin', 'demo-admin');
      const accounts = await call(engine.url, '/admin/accounts', { session: admin });
      const listed = JSON.stringify(accounts.body);
      const victim = /"id":(\d+),"username":"victim"[^}]*"locked_until":"[^"]+"/.exec(listed);
      expect(victim).not.toBeNull();
      const unlocked = await call(engine.url, `/admin/accounts/${victim?.[1]}/unlock`, {
        session: admin,
        form: {},
      });
      expect(unlocked.status).toBe(200);
      expect((await loginFrom(engine, '127.0.0.6', 'victim', 'victim-password')).status).toBe(200);
      const audit = await call(engine.url, '/admin/audit', { session: admin });
      expect(JSON.stringify(audit.body)).toContain('unlock_account');
    });

    it('an address with too many failed logins is refused for a while; other addresses are not', async () => {
      for (let attempt = 0; attempt < 20; attempt += 1)
        expect((await loginFrom(engine, '127.0.0.7', `nobody-${attempt}`, 'guess')).status).toBe(
          401,
        );
      const blocked = await loginFrom(engine, '127.0.0.7', 'till-s001-01', 'demo-till');
      expect(blocked.status).toBe(429);
      expect(Number(blocked.retryAfter)).toBeGreaterThan(0);
      expect((await loginFrom(engine, '127.0.0.8', 'till-s001-01', 'demo-till')).status).toBe(200);
    });

    it('with 300 bogus logins in flight, a real login is not queued behind them', async () => {
      // lockouts out of the way: only the limits on logins in progress are left to protect it
      const flooded = await startTestEngine(database, {
        demo: true,
        attemptLimits: { accountFailures: 10_000, addressFailures: 10_000 },
      });
      try {
        const order: string[] = [];
        const answers: Answer[] = [];
        let saturated: () => void = () => undefined;
        const floodSaturated = new Promise<void>((resolve) => (saturated = resolve));
        // 300 bogus logins from one address, twenty at a time: each answered one is sent again
        let sent = 0;
        const flooder = async () => {
          while (sent < 300) {
            sent += 1;
            const username = DEMO_USERNAMES[sent % 3] ?? 'admin';
            const answer = await loginFrom(flooded, '127.0.0.9', username, `wrong-${sent}`);
            answers.push(answer);
            order.push(answer.status === 401 ? 'checked' : `refused-${answer.status}`);
            if (answer.status === 429) saturated();
          }
        };
        const flood = Promise.all(Array.from({ length: 20 }, flooder));
        void flood.then(saturated);
        // the flood is in flight: its address already has logins refused for being in progress
        await floodSaturated;
        order.push('real sent');
        const realAnswer = await loginFrom(flooded, '127.0.0.1', 'till-s001-01', 'demo-till');
        order.push('real');
        await flood;
        expect(realAnswer.status).toBe(200);
        const checked = answers.filter((answer) => answer.status === 401).length;
        const refused = answers.filter((answer) => answer.status === 429).length;
        expect(checked + refused).toBe(300);
        // the flood's address has at most two logins in progress; the rest are refused at once
        expect(refused).toBeGreaterThan(checked);
        // counted, not timed: had the real login queued behind the flood, the twenty in flight
        // would be checked first; it waits for at most the flood's two in progress (and two
        // more that arrived alongside it)
        const checkedMeanwhile = order
          .slice(order.indexOf('real sent'), order.indexOf('real'))
          .filter((entry) => entry === 'checked').length;
        expect(checkedMeanwhile).toBeLessThanOrEqual(4);
      } finally {
        await flooded.close();
      }
    }, 120_000);

    it('a caller guessing codes is refused for a while after thirty that do not exist; others are not', async () => {
      const guesser = await loginAs(engine.url, 'victim', 'victim-password');
      const other = await loginAs(engine.url, 'till-s001-01', 'demo-till');
      const guess = (session: typeof guesser, attempt: number) =>
        call(engine.url, '/commands/validate_voucher', {
          json: { code: `GUESS-${attempt}`, userIdentifier: '1000001' },
          session,
        });
      for (let attempt = 0; attempt < 30; attempt += 1)
        expect((await guess(guesser, attempt)).status).toBe(404);
      const refused = await guess(guesser, 30);
      expect(refused.status).toBe(429);
      expect(JSON.stringify(refused.body)).toContain('TOO_MANY_ATTEMPTS');
      // refused before anything is looked up, even a call that would have found its voucher
      const lookup = await call(engine.url, '/get-user-vouchers', {
        query: { member_number: '1000001' },
        session: guesser,
      });
      expect(lookup.status).toBe(429);
      expect((await guess(other, 0)).status).toBe(404);
    });

    it('pricing baskets for made-up member numbers counts as guessing too', async () => {
      const admin = await loginAs(engine.url, 'admin', 'demo-admin');
      await call(engine.url, '/admin/accounts', {
        session: admin,
        form: {
          username: 'pricer',
          password: 'pricer-password',
          role: 'terminal',
          store_code: 'S001',
        },
      });
      const pricer = await loginAs(engine.url, 'pricer', 'pricer-password');
      const price = (member: string, attempt: number) =>
        call(engine.url, '/auth/get-basket-price', {
          json: basketRequest(
            `S001-07-20261202-${String(attempt).padStart(4, '0')}`,
            [item('SKU', 2)],
            {
              member,
            },
          ),
          session: pricer,
        });
      for (let attempt = 0; attempt < 30; attempt += 1)
        expect((await price(String(2_000_000 + attempt), attempt)).status).toBe(200);
      const refused = await price('1000001', 30);
      expect(refused.status).toBe(429);
    });
  },
);
