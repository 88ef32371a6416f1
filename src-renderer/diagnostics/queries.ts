import { queryOptions } from '@tanstack/react-query';
import type { TillClient } from '../../src-shared/till';
import { valueOf } from '../client';

export const diagnosticsKeys = {
  all: ['diagnostics'] as const,
};

/** The checks of `till:doctor`, run by the till core now (engine, clock, database, config). */
export function diagnosticsQuery(client: TillClient) {
  return queryOptions({
    queryKey: diagnosticsKeys.all,
    queryFn: async () => valueOf(await client['diagnostics/run']({})),
  });
}
