import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Webhook-Signature';
export const EVENT_ID_HEADER = 'X-Webhook-Id';

/** `sha256=<hex HMAC-SHA256(secret, body)>` over the exact bytes sent. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
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
