import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import './admin-lists.css';

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
