import { Alert, Button } from '@backstage/ui';
import { InvalidFilter, ReportFilters } from './useReportFilters';

/** Says which filters of the address were ignored and why, with a way to drop them. */
export function InvalidFiltersNotice(props: {
  invalid: InvalidFilter[];
  onRemove: (keys: (keyof ReportFilters)[]) => void;
}) {
  const { invalid, onRemove } = props;
  if (invalid.length === 0) return null;
  return (
    <Alert
      status="warning"
      title="Some filters in the address were ignored"
      description={invalid
        .map(
          filter =>
            `${filter.key} "${
              filter.value
            }" is not one of ${filter.allowed.join(', ')}`,
        )
        .join('; ')}
      customActions={
        <Button
          variant="secondary"
          size="small"
          onPress={() => onRemove(invalid.map(filter => filter.key))}
        >
          Remove them
        </Button>
      }
    />
  );
}
