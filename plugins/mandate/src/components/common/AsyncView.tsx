import { ReactNode } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';

/** Loading, error and value states of one asynchronous load, the same everywhere. */
export function AsyncView<T>(props: {
  loading: boolean;
  error?: Error;
  value: T | undefined;
  children: (value: T) => ReactNode;
}) {
  const { loading, error, value, children } = props;
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (loading && value === undefined) {
    return <Progress />;
  }
  if (value === undefined) {
    return null;
  }
  return <>{children(value)}</>;
}
