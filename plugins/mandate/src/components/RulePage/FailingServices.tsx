import { Card, CardBody, CardHeader, Text } from '@backstage/ui';
import { EmptyState } from '@backstage/core-components';
import { useReportPage } from '../../hooks/useReportPage';
import { AsyncView } from '../common/AsyncView';
import { ServicesTable } from '../common/ServicesTable';

/** The services failing one rule, paginated by the server. */
export function FailingServices(props: { ruleId: string }) {
  const { state, pagination } = useReportPage({
    ruleId: props.ruleId,
    status: 'fail',
  });
  return (
    <Card>
      <CardHeader>
        <Text as="h3" variant="title-x-small">
          Services failing it{state.value ? ` (${state.value.total})` : ''}
        </Text>
      </CardHeader>
      <CardBody>
        <AsyncView
          loading={state.loading}
          error={state.error}
          value={state.value}
        >
          {page =>
            page.total === 0 ? (
              <EmptyState
                missing="data"
                title="No service fails this rule"
                description="Every evaluated service passes it, is waived, or is not concerned."
              />
            ) : (
              <ServicesTable
                items={page.items}
                pagination={pagination}
                loading={state.loading}
                ruleId={props.ruleId}
              />
            )
          }
        </AsyncView>
      </CardBody>
    </Card>
  );
}
