/**
 * The signature of the honour-voucher feed (docs/security.md, "Signed honour-voucher feed"):
 * the engine signs each page with its chain's Ed25519 key, the till verifies it with the public
 * keys in its config before the page touches its cache. Both sides build the signed message
 * here, so that they cannot drift apart.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { err, ok, type Result } from '../src-shared/result';

/** The response headers that carry a page's signature (base64) and the id of the key that made it. */
export const FEED_SIGNATURE_HEADER = 'x-feed-signature';
export const FEED_KEY_ID_HEADER = 'x-feed-key-id';

/** How a public key is written in the till's config: `ed25519:` and the raw 32-byte key in base64. */
const PUBLIC_KEY_PREFIX = 'ed25519:';
const RAW_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;
/** Starts every signed message, so that a feed signature can never stand for anything else. */
const MESSAGE_DOMAIN = 'voucher-till honour-feed v1';

/** Which page a signature is for: a page signed for one chain or cursor does not verify as another. */
export interface FeedPageIdentity {
  readonly chainId: number;
  readonly cursor: number;
  readonly limit: number;
}

/** A public key the till trusts, with the id the engine names it by. */
export interface TrustedFeedKey {
  readonly keyId: string;
  readonly key: KeyObject;
}

/** A new key pair as the engine stores it: the private key as PKCS #8 PEM. */
export interface FeedKeyPair {
  readonly keyId: string;
  /** `ed25519:<base64>`, as pasted into the till's config. */
  readonly publicKey: string;
  readonly privateKeyPem: string;
}

/** Why a page is refused: no key configured, no signature, a key not trusted, or a signature that does not match. */
export type FeedRefusalCode = 'no_keys' | 'unsigned' | 'unknown_key' | 'bad_signature';

export interface FeedRefusal {
  readonly code: FeedRefusalCode;
  /** In words for the till's log and the doctor. */
  readonly message: string;
}

const refused = (code: FeedRefusalCode, message: string) => err({ code, message });

/** What arrived with a page: its exact body bytes and the two headers (null when absent). */
export interface SignedFeedAnswer {
  readonly body: Uint8Array;
  readonly signature: string | null;
  readonly keyId: string | null;
}

function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string')
    throw new Error('a feed key must be an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url');
}

/** The key's id: the first 16 hex digits of the SHA-256 of its raw public key. */
function keyIdOf(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex').slice(0, 16);
}

export function generateFeedKeyPair(): FeedKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return describeKeyPair(publicKey, privateKey);
}

/** A stored private key (PKCS #8 PEM) with its public half and id. */
export function feedKeyPairOf(privateKeyPem: string): FeedKeyPair {
  const privateKey = createPrivateKey(privateKeyPem);
  return describeKeyPair(createPublicKey(privateKey), privateKey);
}

function describeKeyPair(publicKey: KeyObject, privateKey: KeyObject): FeedKeyPair {
  const raw = rawPublicKey(publicKey);
  return {
    keyId: keyIdOf(raw),
    publicKey: `${PUBLIC_KEY_PREFIX}${raw.toString('base64')}`,
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

/** Reads `ed25519:<base64>`; the error says what is wrong with it. */
export function parseFeedPublicKey(text: string): Result<TrustedFeedKey, string> {
  if (!text.startsWith(PUBLIC_KEY_PREFIX))
    return err(`must start with "${PUBLIC_KEY_PREFIX}" (as show-feed-key prints it)`);
  const encoded = text.slice(PUBLIC_KEY_PREFIX.length);
  const raw = Buffer.from(encoded, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || raw.length !== RAW_KEY_BYTES)
    return err(`must be "${PUBLIC_KEY_PREFIX}" and ${RAW_KEY_BYTES} bytes in base64`);
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
    format: 'jwk',
  });
  return ok({ keyId: keyIdOf(raw), key });
}

/** What is signed: the domain, the key id, the page's identity, then the body's exact bytes. */
function signedMessage(page: FeedPageIdentity, keyId: string, body: Uint8Array): Buffer {
  const head = `${MESSAGE_DOMAIN}\nkey ${keyId}\nchain ${page.chainId}\ncursor ${page.cursor}\nlimit ${page.limit}\n`;
  return Buffer.concat([Buffer.from(head, 'utf8'), body]);
}

/** The base64 signature of one page's body, for the engine's `x-feed-signature` header. */
export function signFeedPage(
  privateKeyPem: string,
  keyId: string,
  page: FeedPageIdentity,
  body: Uint8Array,
): string {
  const message = signedMessage(page, keyId, body);
  return sign(null, message, createPrivateKey(privateKeyPem)).toString('base64');
}

/**
 * Whether a page was signed by one of the trusted keys for exactly this chain and page. Answers
 * the id of the key that signed it, or why the page is refused.
 */
export function verifyFeedPage(
  trusted: readonly TrustedFeedKey[],
  page: FeedPageIdentity,
  answer: SignedFeedAnswer,
): Result<{ keyId: string }, FeedRefusal> {
  if (trusted.length === 0) return refused('no_keys', 'no honour-feed public key is configured');
  if (answer.signature === null || answer.keyId === null)
    return refused(
      'unsigned',
      `the page came without its signature (${FEED_SIGNATURE_HEADER}, ${FEED_KEY_ID_HEADER})`,
    );
  const { keyId } = answer;
  const key = trusted.find((candidate) => candidate.keyId === keyId);
  if (!key)
    return refused(
      'unknown_key',
      `the page was signed with key ${keyId}, which this till does not trust`,
    );
  const signature = Buffer.from(answer.signature, 'base64');
  if (signature.length !== SIGNATURE_BYTES)
    return refused('bad_signature', 'the page’s signature is not an Ed25519 signature');
  return verify(null, signedMessage(page, keyId, answer.body), key.key, signature)
    ? ok({ keyId })
    : refused('bad_signature', `the page’s signature does not match its body (key ${keyId})`);
}
