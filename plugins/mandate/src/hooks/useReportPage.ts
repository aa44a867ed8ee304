import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/frontend-plugin-api';
import { ReportQuery } from '@mandate-dev/plugin-mandate-common';
import { TablePaginationProps } from '@backstage/ui';
import { mandateApiRef } from '../api';

/** One page of GET /report and the pagination controls that move through it. */
export function useReportPage(query: ReportQuery, initialPageSize = 20) {
  const api = useApi(mandateApiRef);
  const [offset, setOffset] = useState(0);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const key = JSON.stringify(query);
  const [lastKey, setLastKey] = useState(key);
  if (key !== lastKey) {
    // A different filter starts again from the first page.
    setLastKey(key);
    setOffset(0);
  }
  const state = useAsync(
    () => api.getReport({ ...query, offset, limit: pageSize }),
    [api, key, offset, pageSize],
  );
  const total = state.value?.total ?? 0;
  const pagination: TablePaginationProps = {
    pageSize,
    offset,
    totalCount: total,
    pageSizeOptions: [10, 20, 50, 100],
    hasNextPage: offset + pageSize < total,
    hasPreviousPage: offset > 0,
    onNextPage: () => setOffset(offset + pageSize),
    onPreviousPage: () => setOffset(Math.max(0, offset - pageSize)),
    onPageSizeChange: size => {
      setPageSize(size);
      setOffset(0);
    },
  };
  return { state, pagination };
}
