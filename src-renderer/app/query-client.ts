import { QueryClient } from '@tanstack/react-query';

/**
 * react-query tuned for a local command transport rather than the web: a refused command is
 * an answer, not a flaky network, so nothing is retried; there is no window focus or
 * connectivity to react to (the till is on loopback or IPC, online or not).
 */
export function createTillQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        networkMode: 'always',
      },
      mutations: {
        retry: false,
        networkMode: 'always',
      },
    },
  });
}
