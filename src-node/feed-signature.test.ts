import { describe, expect, it } from 'vitest';
import {
  feedKeyPairOf,
  generateFeedKeyPair,
  parseFeedPublicKey,
  signFeedPage,
  verifyFeedPage,
  type FeedKeyPair,
  type TrustedFeedKey,
} from './feed-signature';

const page = { chainId: 1, cursor: 0, limit: 500 };
const body = Buffer.from('{"result":{"code":1,"status":"ok"},"results":{"changes":[]}}', 'utf8');

function trustedOf(pair: FeedKeyPair): TrustedFeedKey {
  const parsed = parseFeedPublicKey(pair.publicKey);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** Why the page or key was refused, in words; fails the test when it was not. */
function refusal(
  outcome: { ok: true } | { ok: false; error: string | { code: string; message: string } },
): string {
  if (outcome.ok) throw new Error('expected a refusal');
  return typeof outcome.error === 'string'
    ? outcome.error
    : `${outcome.error.code}: ${outcome.error.message}`;
}

function signed(pair: FeedKeyPair, signedPage = page, signedBody: Uint8Array = body) {
  return {
    body,
    keyId: pair.keyId,
    signature: signFeedPage(pair.privateKeyPem, pair.keyId, signedPage, signedBody),
  };
}

describe('the honour-feed signature', () => {
  const pair = generateFeedKeyPair();

  it('verifies a page signed with a trusted key, naming the key', () => {
    expect(verifyFeedPage([trustedOf(pair)], page, signed(pair))).toEqual({
      ok: true,
      value: { keyId: pair.keyId },
    });
  });

  it('writes the public key as ed25519:<base64> and gives it the id the engine names it by', () => {
    expect(pair.publicKey).toMatch(/^ed25519:[A-Za-z0-9+/]{43}=$/);
    expect(pair.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(trustedOf(pair).keyId).toBe(pair.keyId);
    expect(feedKeyPairOf(pair.privateKeyPem)).toEqual(pair);
  });

  it('refuses a body with one byte altered', () => {
    const altered = Buffer.from(body);
    altered[20] = (altered[20] ?? 0) ^ 1;
    const outcome = verifyFeedPage([trustedOf(pair)], page, { ...signed(pair), body: altered });
    expect(refusal(outcome)).toMatch(/^bad_signature: .*does not match its body/);
  });

  it('refuses a page signed for another chain, cursor or page size', () => {
    for (const other of [
      { ...page, chainId: 2 },
      { ...page, cursor: 7 },
      { ...page, limit: 10 },
    ])
      expect(verifyFeedPage([trustedOf(pair)], page, signed(pair, other)).ok).toBe(false);
  });

  it('refuses a page without its signature, or signed by a key the till does not trust', () => {
    const stranger = generateFeedKeyPair();
    const unsigned = { body, signature: null, keyId: null };
    expect(refusal(verifyFeedPage([trustedOf(pair)], page, unsigned))).toMatch(
      /^unsigned: the page came without its signature/,
    );
    expect(refusal(verifyFeedPage([trustedOf(pair)], page, signed(stranger)))).toMatch(
      /^unknown_key: .*does not trust/,
    );
    // a stranger's signature under the trusted key's id
    const forged = { ...signed(stranger), keyId: pair.keyId };
    expect(verifyFeedPage([trustedOf(pair)], page, forged).ok).toBe(false);
    expect(refusal(verifyFeedPage([], page, signed(pair)))).toBe(
      'no_keys: no honour-feed public key is configured',
    );
  });

  it('accepts a page signed by either of two trusted keys, as during a rotation', () => {
    const next = generateFeedKeyPair();
    const keys = [trustedOf(pair), trustedOf(next)];
    expect(verifyFeedPage(keys, page, signed(pair)).ok).toBe(true);
    expect(verifyFeedPage(keys, page, signed(next)).ok).toBe(true);
  });

  it('names what is wrong with a public key that does not read', () => {
    expect(refusal(parseFeedPublicKey('rsa:AAAA'))).toMatch(/must start with "ed25519:"/);
    expect(refusal(parseFeedPublicKey('ed25519:AAAA'))).toMatch(/32 bytes in base64/);
    expect(parseFeedPublicKey(`${pair.publicKey.slice(0, -2)}!=`).ok).toBe(false);
  });
});
