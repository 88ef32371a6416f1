import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { TillClient } from '../../src-shared/till';
import { TillWords } from '../../src-renderer/app/TillWords';
import { TillClientProvider } from '../../src-renderer/client';
import { ManagerSessionProvider } from '../../src-renderer/manager/session';

/** A fresh QueryClient per test, without retries, as the till's own is configured. */
export function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        refetchOnWindowFocus: false,
        networkMode: 'always',
        gcTime: Infinity,
      },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}

export function renderWithTill(ui: ReactElement, client: TillClient): RenderResult {
  return render(
    <TillClientProvider client={client}>
      <QueryClientProvider client={testQueryClient()}>
        <TillWords>
          <ManagerSessionProvider>{ui}</ManagerSessionProvider>
        </TillWords>
      </QueryClientProvider>
    </TillClientProvider>,
  );
}
