import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newSecret, secretProblem, signedHeaders } from './signature';

describe('Standard Webhooks signatures', () => {
  const body = JSON.stringify({ type: 'VOUCHER_EXPIRED', subject: 's' });

  it('a new secret is a whsec_ key the library verifies the signed headers with', () => {
    const secret = newSecret();
    expect(secretProblem(secret)).toBeNull();
    const headers = signedHeaders(secret, 'event-id', Date.now(), body);
    expect(headers['webhook-id']).toBe('event-id');
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('a secret from before the whsec_ form signs with its own bytes', () => {
    const legacy = 'a'.repeat(64);
    const headers = signedHeaders(legacy, 'event-id', Date.now(), body);
    expect(() => new Webhook(legacy, { format: 'raw' }).verify(body, headers)).not.toThrow();
  });

  it('the timestamp is the attempt’s time in whole seconds', () => {
    expect(signedHeaders(newSecret(), 'id', 1_700_000_000_999, body)['webhook-timestamp']).toBe(
      '1700000000',
    );
  });

  it('refuses a secret not in the whsec_ form, not base64, or of a key too short or too long', () => {
    const key = (bytes: number) => `whsec_${Buffer.alloc(bytes, 1).toString('base64')}`;
    expect(secretProblem(key(24))).toBeNull();
    expect(secretProblem(key(64))).toBeNull();
    expect(secretProblem(key(23))).toContain('(it decodes to 23)');
    expect(secretProblem(key(65))).toContain('(it decodes to 65)');
    expect(secretProblem('a-test-secret-of-some-length')).toMatch(/^must be whsec_/);
    expect(secretProblem('whsec_not base64!')).toContain('not valid base64');
  });
});
