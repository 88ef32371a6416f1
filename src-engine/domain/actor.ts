import type { Err } from '../../src-shared/result';
import type { Role } from '../db/schema';
import { refuse, type Refusal } from './refusal';

/** Who is calling: an account signed in with a session, or a privileged API key. */
export interface Actor {
  readonly chainId: number;
  readonly role: Role | 'privileged';
  /** For the audit trail: the account's username, or `api-key:<label>`. */
  readonly name: string;
  readonly accountId: number | null;
  /** The store a terminal or manager account belongs to; absent or null: the whole chain. */
  readonly storeCode?: string | null;
}

const RANK: Readonly<Record<Actor['role'], number>> = {
  terminal: 0,
  manager: 1,
  admin: 2,
  privileged: 3,
};

/** The refusal for an actor below `role`, or null when they hold it. */
export function roleRefusal(actor: Actor, role: Role): Err<Refusal> | null {
  return RANK[actor.role] < RANK[role]
    ? refuse(
        'permission_denied_or_non_existent',
        `this needs the ${role} role; ${actor.name} is ${actor.role}`,
      )
    : null;
}

/** The refusal for a chain the actor may not reach, or null when it is theirs (or unnamed). */
export function chainRefusal(actor: Actor, chainId: number | undefined): Err<Refusal> | null {
  return chainId !== undefined && chainId !== actor.chainId
    ? refuse(
        'permission_denied_or_non_existent',
        `chain ${chainId} is not accessible to ${actor.name}`,
      )
    : null;
}

/** The refusal for granting `role` (to a key or an account) above the actor's own, or null. */
export function grantRefusal(actor: Actor, role: Actor['role']): Err<Refusal> | null {
  return RANK[role] > RANK[actor.role]
    ? refuse(
        'permission_denied_or_non_existent',
        `${actor.name} is ${actor.role} and cannot grant the ${role} role`,
      )
    : null;
}

/** The refusal for a store the actor does not belong to, or null when it may act for it. */
export function storeRefusal(actor: Actor, storeCode: string | null): Err<Refusal> | null {
  const own = actor.storeCode ?? null;
  return own !== null && storeCode !== own
    ? refuse(
        'permission_denied_or_non_existent',
        `${actor.name} belongs to store ${own} and cannot act for ${storeCode === null ? 'the whole chain' : `store ${storeCode}`}`,
      )
    : null;
}
