import { Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { ErrorNotice } from '../../components/status-views.js';
import { LoadMore } from './admin-load-more.js';

/** The part of a cursor-paged query (useCursorPages) a table of its rows needs. */
interface CursorRows<R> {
  rows: R[];
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * The rows of a cursor-paged list in a small table that scrolls sideways on a narrow screen: the
 * error if a page failed, `empty` when there is none, and "load more" under it while pages remain.
 */
export function CursorTable<R extends { id: string }>({
  pages,
  empty,
  ...table
}: { pages: CursorRows<R>; empty: ReactNode } & Pick<TableProps<R>, 'columns' | 'onRow'>) {
  return (
    <>
      {pages.isError && <ErrorNotice error={pages.error} />}
      <Table<R>
        rowKey="id"
        size="small"
        loading={pages.isFetching}
        scroll={{ x: 'max-content' }}
        dataSource={pages.rows}
        pagination={false}
        locale={{ emptyText: empty }}
        {...table}
      />
      <LoadMore pages={pages} />
    </>
  );
}
