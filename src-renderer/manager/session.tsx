import { createContext, use, useState, type ReactNode } from 'react';
import type { TillOutput } from '../../src-shared/till';

export type ManagerSession = TillOutput<'manager/sign-in'>;

interface SessionState {
  readonly session: ManagerSession | null;
  readonly setSession: (session: ManagerSession | null) => void;
}

const SessionContext = createContext<SessionState | null>(null);

/**
 * Who is signed in on the manager screen. The till keeps the engine session itself and has no
 * command to ask whose it is, so the answer of `manager/sign-in` is kept here; leaving the
 * screen signs the manager out (see useSignOutOnLeave).
 */
export function ManagerSessionProvider({ children }: { readonly children: ReactNode }) {
  const [session, setSession] = useState<ManagerSession | null>(null);
  return <SessionContext value={{ session, setSession }}>{children}</SessionContext>;
}

export function useManagerSession(): SessionState {
  const state = use(SessionContext);
  if (!state) throw new Error('useManagerSession outside <ManagerSessionProvider>');
  return state;
}
