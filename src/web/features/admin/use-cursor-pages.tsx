import { Button } from 'antd';
import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import './admin-lists.css';

interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** A cursor-paginated list read a page at a time: the rows so far, and the query to ask for more. */
export function useCursorPages<T>(
  queryKey: QueryKey,
  fetchPage: (cursor?: string) => Promise<CursorPage<T>>,
  enabled = true,
) {
  const q = useInfiniteQuery({
    queryKey,
    enabled,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return { ...q, rows: q.data?.pages.flatMap((p) => p.items) ?? [] };
}

interface LoadMoreState {
  rows: readonly unknown[];
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** "Shown so far, load more" under a cursor list; nothing once the last page is in. */
export function LoadMore({ pages }: { pages: LoadMoreState }) {
  const { t } = useTranslation();
  if (!pages.hasNextPage) return null;
  return (
    <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage} className="load-more">
      {t('admin.loadMore', { count: pages.rows.length })}
    </Button>
  );
}
