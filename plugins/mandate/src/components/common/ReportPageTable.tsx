import { EmptyState } from '@backstage/core-components';
import { useReportPage } from '../../hooks/useReportPage';
import { AsyncView } from './AsyncView';
import { ServicesTable } from './ServicesTable';

/**
 * One server-side page of GET /report as a services table, with the loading, error and empty
 * states every such list needs.
 */
export function ReportPageTable(props: {
  page: ReturnType<typeof useReportPage>;
  empty: { title: string; description: string };
  ruleId?: string;
  showOwner?: boolean;
}) {
  const { state, pagination } = props.page;
  return (
    <AsyncView loading={state.loading} error={state.error} value={state.value}>
      {value =>
        value.total === 0 ? (
          <EmptyState
            missing="data"
            title={props.empty.title}
            description={props.empty.description}
          />
        ) : (
          <ServicesTable
            items={value.items}
            pagination={pagination}
            loading={state.loading}
            ruleId={props.ruleId}
            showOwner={props.showOwner}
          />
        )
      }
    </AsyncView>
  );
}
