import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, loginAs, type Session } from './client';
import { describeEachDatabase, startTestEngine, type TestEngine } from './harness';

const WLL_ERROR = { status: 'error', error: { code: 'INVALID_PARAMETERS' } };
const SPAAZA_ERROR = { result: { code: 2, status: 'error' } };

describeEachDatabase('each call answers in the envelope of the face it serves', (database) => {
  let engine: TestEngine;
  let till: Session;

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
    till = await loginAs(engine.url, 'till-s001-01', 'demo-till');
  });
  afterAll(async () => engine.close());

  it('validate_voucher with a bad body answers in the WLL envelope, in any letter case of its path', async () => {
    for (const path of ['/commands/validate_voucher', '/COMMANDS/VALIDATE_VOUCHER']) {
      const answer = await call(engine.url, path, { json: { code: 42 }, session: till });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject(WLL_ERROR);
      expect(answer.body).not.toHaveProperty('result');
    }
  });

  it('a malformed body and an unknown call under a WLL prefix answer in the WLL envelope', async () => {
    const malformed = await call(engine.url, '/Commands/validate_voucher', {
      rawBody: '{"code":',
      headers: { 'content-type': 'application/json' },
      session: till,
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ status: 'error', error: { code: 'MALFORMED_BODY' } });
    const unknown = await call(engine.url, '/commands/no_such_command', {
      json: {},
      session: till,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ status: 'error', error: { code: 'NOT_FOUND' } });
  });

  it('a Spaaza call in another letter case still answers in the Spaaza envelope', async () => {
    const answer = await call(engine.url, '/LOCK-VOUCHER', {
      method: 'PUT',
      form: { voucher_key: 'not-a-key' },
      session: till,
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ ...SPAAZA_ERROR, error: { name: 'invalid_parameters' } });
  });
});
