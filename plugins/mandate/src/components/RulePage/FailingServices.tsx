import { Card, CardBody, CardHeader, Text } from '@backstage/ui';
import { useReportPage } from '../../hooks/useReportPage';
import { ReportPageTable } from '../common/ReportPageTable';

/** The services failing one rule, paginated by the server. */
export function FailingServices(props: { ruleId: string }) {
  const page = useReportPage({ ruleId: props.ruleId, status: 'fail' });
  return (
    <Card>
      <CardHeader>
        <Text as="h3" variant="title-x-small">
          Services failing it
          {page.state.value ? ` (${page.state.value.total})` : ''}
        </Text>
      </CardHeader>
      <CardBody>
        <ReportPageTable
          page={page}
          ruleId={props.ruleId}
          empty={{
            title: 'No service fails this rule',
            description:
              'Every evaluated service passes it, is waived, or is not concerned.',
          }}
        />
      </CardBody>
    </Card>
  );
}
