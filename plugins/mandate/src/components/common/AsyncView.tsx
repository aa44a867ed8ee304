import { ReactNode } from 'react';
import { Alert } from '@backstage/ui';
import { Progress } from '@backstage/core-components';
import { errorText } from '../../lib/errorText';

/** Loading, error and value states of one asynchronous load, the same everywhere. */
export function AsyncView<T>(props: {
  loading: boolean;
  error?: Error;
  value: T | undefined;
  children: (value: T) => ReactNode;
}) {
  const { loading, error, value, children } = props;
  if (error) {
    return (
      <Alert
        status="danger"
        title="Mandate could not load this"
        description={errorText(error)}
      />
    );
  }
  if (loading && value === undefined) {
    return <Progress />;
  }
  if (value === undefined) {
    return null;
  }
  return <>{children(value)}</>;
}
