import { useQuery } from '@tanstack/react-query';
import { useTillClient } from '../client';
import { currentSaleQuery } from '../sale/queries';

/** The till's configured locale, as the sale carries it; the browser's own until it is known. */
export function useTillLocale(): string | undefined {
  const client = useTillClient();
  const { data } = useQuery({
    ...currentSaleQuery(client),
    enabled: false,
    select: (sale) => sale.locale,
  });
  return data;
}
