import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TillEvent } from '../../src-shared/till';
import { createTillQueryClient } from '../app/query-client';
import { splitEvents, type TillEventListener, type TillEvents } from '../client';
import { saleKeys } from '../sale/queries';
import { LiveUpdates } from './useLiveUpdates';

/** A push channel the test speaks on, as the core would. */
function channel() {
  const listeners = new Set<TillEventListener>();
  const events: TillEvents = (listener) => {
    // already up when the screen mounts: only the announcements make anything stale
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const announce = (event: TillEvent) => {
    for (const listener of listeners) listener.onEvent(event);
  };
  return { events, announce };
}

/** Shows what the till says of a query each time it is asked. */
function Shown({ queryKey, answers }: { queryKey: readonly unknown[]; answers: string[] }) {
  const query = useQuery({
    queryKey,
    queryFn: () => Promise.resolve(answers.shift() ?? 'no more answers'),
    staleTime: Infinity,
  });
  return <p>{query.data ?? 'asking'}</p>;
}

function renderLive(queryKey: readonly unknown[], answers: string[]) {
  const { events, announce } = channel();
  render(
    <QueryClientProvider client={createTillQueryClient()}>
      <LiveUpdates events={events} />
      <Shown queryKey={queryKey} answers={answers} />
    </QueryClientProvider>,
  );
  return announce;
}

describe('live updates', () => {
  it('a receipt that was waiting to sync says synced once the core announces the sync', async () => {
    const announce = renderLive(saleKeys.receipt('S001-01-20261202-0001'), [
      'Waiting to sync',
      'Synced',
    ]);
    expect(await screen.findByText('Waiting to sync')).toBeDefined();
    act(() => {
      announce({ kind: 'sync-changed' });
    });
    expect(await screen.findByText('Synced')).toBeDefined();
  });

  it('the open sale is asked for again when the core says it changed, after a manager freed locks', async () => {
    const announce = renderLive(saleKeys.current(), ['held for another sale', 'applied']);
    expect(await screen.findByText('held for another sale')).toBeDefined();
    act(() => {
      announce({ kind: 'locks-changed' });
    });
    expect(await screen.findByText('applied')).toBeDefined();
  });
});

describe('the event stream’s reader', () => {
  it('takes the data of each complete event, skips comments, and keeps a part event for later', () => {
    expect(splitEvents(': connected\n\ndata: {"kind":"sync-changed"}\n\ndata: {"kind":')).toEqual({
      payloads: ['{"kind":"sync-changed"}'],
      rest: 'data: {"kind":',
    });
  });
});
