import { z } from 'zod';

/**
 * What the till core announces to the screens, over the push channel (Server-Sent Events on the
 * loopback server, an IPC event channel in Electron): each names what changed, never the new
 * figures; the screens ask for those with the ordinary commands.
 */
export const tillEventSchema = z.discriminatedUnion('kind', [
  /** An open sale's view changed without a command of the screen (its pricing landed, a freed voucher). */
  z.object({ kind: z.literal('sale-changed'), saleId: z.string() }),
  /** Queued sales reached the engine: receipts and the waiting count changed. */
  z.object({ kind: z.literal('sync-changed') }),
  /** Voucher locks were freed or taken: the manager's list and the sales that show them. */
  z.object({ kind: z.literal('locks-changed') }),
  /** The engine went away or came back. */
  z.object({ kind: z.literal('connectivity'), online: z.boolean() }),
]);
export type TillEvent = z.infer<typeof tillEventSchema>;

/** Hands every event to `listener` until the returned function is called. */
export type TillEventSubscribe = (listener: (event: TillEvent) => void) => () => void;
