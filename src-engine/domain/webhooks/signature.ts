import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/*
 * How deliveries are signed: Standard Webhooks (docs/wll-face.md, "Webhooks"). Each delivery
 * carries webhook-id (the event's id, the same on every retry), webhook-timestamp (the attempt's
 * time, in seconds) and webhook-signature (`v1,<base64 HMAC-SHA256 of id.timestamp.body>`).
 */

const SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = 32;
const MIN_SECRET_BYTES = 24;
const MAX_SECRET_BYTES = 64;

/** A new webhook's secret: `whsec_` and the base64 of 32 random bytes, the signing key. */
export function newSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString('base64')}`;
}

/** Why a secret given at registration cannot be used, or null when it can. */
export function secretProblem(secret: string): string | null {
  const expected = `must be ${SECRET_PREFIX} followed by the base64 of ${MIN_SECRET_BYTES} to ${MAX_SECRET_BYTES} random bytes`;
  if (!secret.startsWith(SECRET_PREFIX)) return expected;
  const encoded = secret.slice(SECRET_PREFIX.length);
  const key = Buffer.from(encoded, 'base64');
  if (key.toString('base64') !== encoded) return `${expected} (not valid base64)`;
  if (key.length < MIN_SECRET_BYTES || key.length > MAX_SECRET_BYTES)
    return `${expected} (it decodes to ${key.length})`;
  return null;
}

/**
 * The key a secret stands for: the bytes a `whsec_` secret encodes; for a secret registered
 * before secrets took that form, the secret's own UTF-8 bytes.
 */
function signingKey(secret: string): Uint8Array {
  return secret.startsWith(SECRET_PREFIX)
    ? Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64')
    : Buffer.from(secret, 'utf8');
}

/** The three Standard Webhooks headers of one attempt, signed over the exact body sent. */
export function signedHeaders(
  secret: string,
  messageId: string,
  at: number,
  body: string,
): Record<string, string> {
  const signer = new Webhook(signingKey(secret), { format: 'raw' });
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at / 1000)),
    'webhook-signature': signer.sign(messageId, new Date(at), body),
  };
}

/** The JSON a receiver gets (docs/wll-face.md, "Webhooks"). */
export function deliveryBody(event: {
  type: string;
  reported_at: number;
  subject: string;
  payload_json: string;
}): string {
  const payload: unknown = JSON.parse(event.payload_json);
  return JSON.stringify({
    type: event.type,
    reportedAt: new Date(event.reported_at).toISOString(),
    subject: event.subject,
    payload,
  });
}
