import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { failureText } from './message-words';

interface PlaceholderRowProps {
  readonly query: Pick<
    UseQueryResult<readonly unknown[]>,
    'isPending' | 'isError' | 'error' | 'data'
  >;
  readonly columns: number;
  readonly empty: string;
}

/** The one row a table shows while it loads, when loading failed, or when it has nothing. */
export function PlaceholderRow({ query, columns, empty }: PlaceholderRowProps) {
  const { t, i18n } = useTranslation();
  let text: string | null = null;
  if (query.isPending) text = t('screens.common.loading');
  else if (query.isError) text = failureText(query.error, t, { language: i18n.language });
  else if (query.data?.length === 0) text = empty;
  if (text === null) return null;
  return (
    <tr className={`table__placeholder ${query.isError ? 'table__placeholder--error' : ''}`}>
      <td colSpan={columns}>{text}</td>
    </tr>
  );
}
