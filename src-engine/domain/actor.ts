import type { Role } from '../db/schema';
import { EngineError } from '../http/errors';

/** Who is calling: an account signed in with a session, or a privileged API key. */
export interface Actor {
  readonly chainId: number;
  readonly role: Role | 'privileged';
  /** For the audit trail: the account's username, or `api-key:<label>`. */
  readonly name: string;
  readonly accountId: number | null;
}

const RANK: Readonly<Record<Actor['role'], number>> = {
  terminal: 0,
  manager: 1,
  admin: 2,
  privileged: 3,
};

export function requireRole(actor: Actor, role: Role): void {
  if (RANK[actor.role] < RANK[role]) {
    throw new EngineError(
      'permission_denied_or_non_existent',
      `this needs the ${role} role; ${actor.name} is ${actor.role}`,
    );
  }
}

export function requireChain(actor: Actor, chainId: number | undefined): void {
  if (chainId !== undefined && chainId !== actor.chainId) {
    throw new EngineError(
      'permission_denied_or_non_existent',
      `chain ${chainId} is not accessible to ${actor.name}`,
    );
  }
}
