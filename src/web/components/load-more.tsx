import { useTranslation } from 'react-i18next';

/** The part of an infinite query a "load more" button needs. */
export interface MorePages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** "Load more" under a cursor-paged list: absent on the last page, busy while a page loads. */
export function LoadMore({ query, label }: { query: MorePages; label: string }) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <button
      type="button"
      className="button load-more"
      disabled={query.isFetchingNextPage}
      onClick={() => void query.fetchNextPage()}
    >
      {query.isFetchingNextPage ? t('common.loading') : label}
    </button>
  );
}
