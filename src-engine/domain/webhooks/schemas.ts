import { z } from 'zod';
import { EVENT_TYPES, isEventType } from '../events/types';

/** The fields of `POST /admin/webhooks` and the deliveries listing (JSON or form bodies, query strings). */

const httpUrl = z
  .string({ error: 'must be an absolute http or https URL' })
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .refine((value) => {
    if (!URL.canParse(value)) return false;
    const { protocol, hostname } = new URL(value);
    return (protocol === 'http:' || protocol === 'https:') && hostname !== '';
  }, 'must be an absolute http or https URL');

/** An array, or one text of types separated by spaces or commas; `*` (alone) means every type. */
const eventTypes = z
  .union([z.array(z.string()), z.string()], {
    error: 'must be a list of event types or "*"',
  })
  .transform((value, context) => {
    const types = (Array.isArray(value) ? value : value.split(/[\s,]+/))
      .map((type) => type.trim().toUpperCase())
      .filter((type) => type !== '');
    const unknown = types.filter((type) => type !== '*' && !isEventType(type));
    if (types.length === 0 || unknown.length > 0 || (types.includes('*') && types.length > 1)) {
      context.addIssue({
        code: 'custom',
        message:
          unknown.length > 0
            ? `unknown event type ${unknown.join(', ')}; known: ${EVENT_TYPES.join(', ')} or "*"`
            : 'must name at least one event type, or be "*" alone',
      });
      return z.NEVER;
    }
    return [...new Set(types)];
  });

export const createWebhookFields = z.object({
  url: httpUrl,
  event_types: eventTypes,
  secret: z
    .string({ error: 'must be text' })
    .min(16, 'must be at least 16 characters')
    .max(200, 'must be at most 200 characters')
    .optional(),
});

export const deliveriesQueryFields = z.object({
  limit: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .default(100),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
