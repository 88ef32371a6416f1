import { createContext, use, type ReactNode } from 'react';
import type { TillClient } from '../../src-shared/till';

const TillClientContext = createContext<TillClient | null>(null);

export function TillClientProvider({
  client,
  children,
}: {
  readonly client: TillClient;
  readonly children: ReactNode;
}) {
  return <TillClientContext value={client}>{children}</TillClientContext>;
}

/** The till the screens talk to (IPC, loopback HTTP, or a fake in component tests). */
export function useTillClient(): TillClient {
  const client = use(TillClientContext);
  if (!client) throw new Error('useTillClient outside <TillClientProvider>');
  return client;
}
