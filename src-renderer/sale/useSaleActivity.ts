import { useMutationState } from '@tanstack/react-query';
import { useSlowFlag } from '../common/useSlowFlag';
import type { LastCommand } from './sale-alert';
import { saleMutationKeys } from './mutations';

interface SaleActivity {
  /** The latest sale command the cashier gave, finished or not. */
  readonly last: LastCommand | undefined;
  /** A sale command is running or queued: a price is in flight. */
  readonly busy: boolean;
  /** The running command has taken longer than the engine should. */
  readonly slow: boolean;
}

function commandName(key: readonly unknown[] | undefined): string {
  const name = key?.[1];
  return typeof name === 'string' ? name : '';
}

/** What the sale commands are doing, read from react-query's mutation cache. */
export function useSaleActivity(): SaleActivity {
  const commands = useMutationState({
    filters: { mutationKey: saleMutationKeys.all },
    select: (mutation) => ({
      id: mutation.mutationId,
      name: commandName(mutation.options.mutationKey),
      status: mutation.state.status,
      paused: mutation.state.isPaused,
      error: mutation.state.error,
      variables: mutation.state.variables,
    }),
  });
  const running = commands.find((command) => command.status === 'pending' && !command.paused);
  const slow = useSlowFlag(running?.id ?? null);
  return {
    last: commands.at(-1),
    busy: commands.some((command) => command.status === 'pending'),
    slow,
  };
}
