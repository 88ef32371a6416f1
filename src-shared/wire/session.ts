import { z } from 'zod';
import { spaazaDateTime } from './fields';

/** `POST /auth/login` (form-encoded) → `results.session_info`, used as X-Spaaza-Session-* headers. */
export const loginRequestSchema = z.object({
  username: z.string().trim().min(1).max(256),
  password: z.string().min(1).max(1024),
});

export const loginResultsSchema = z.looseObject({
  session_info: z.looseObject({
    session_user_id: z.number().int(),
    session_key: z.string().min(16),
    session_expires_date: spaazaDateTime,
  }),
  user_info: z
    .looseObject({
      username: z.string(),
      role: z.enum(['terminal', 'manager', 'admin']).optional(),
      chain_id: z.number().int().optional(),
      /** The store the account belongs to; null or absent: the whole chain. */
      store_code: z.string().nullable().optional(),
    })
    .optional(),
});
export type LoginResults = z.infer<typeof loginResultsSchema>;

export const SESSION_HEADERS = {
  userId: 'X-Spaaza-Session-User-Id',
  key: 'X-Spaaza-Session-Key',
  apiVersion: 'X-Spaaza-API-Version',
} as const;

/** The reference's newest pinned version; our wire additions (docs/spaaza-wire.md, "Our additions") are served from it on. */
export const API_VERSION = '1.6.3';
