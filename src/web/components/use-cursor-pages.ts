import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';

/** What every cursor-paged list answers: a page of items and the cursor of the next page (null at the end). */
export interface CursorPage<T = unknown> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A cursor-paged list read a page at a time: the infinite query (its `data.pages` keep what
 * else a page carries, such as a balance) and `rows`, the items of every page loaded so far.
 */
export function useCursorPages<P extends CursorPage>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined) => Promise<P>,
  enabled = true,
) {
  const q = useInfiniteQuery({
    queryKey,
    enabled,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows: P['items'] = q.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...q, rows };
}
