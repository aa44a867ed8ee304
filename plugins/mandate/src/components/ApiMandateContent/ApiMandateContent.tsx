import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/frontend-plugin-api';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { EmptyState } from '@backstage/core-components';
import { mandateApiRef } from '../../api';
import { useEntityView } from '../../hooks/useEntityView';
import { AsyncView } from '../common/AsyncView';
import { EntityLink } from '../common/EntityLink';
import { FindingTable } from './FindingTable';
import { findingRows } from './findingRows';

function ServiceList(props: { label: string; refs: string[] }) {
  return (
    <Flex direction="column" gap="1" align="start">
      <Text as="h4" variant="body-medium" weight="bold">
        {props.label} ({props.refs.length})
      </Text>
      {props.refs.length === 0 ? (
        <Text variant="body-small" color="secondary">
          None
        </Text>
      ) : (
        <ul aria-label={props.label}>
          {props.refs.map(ref => (
            <li key={ref}>
              <EntityLink entityRef={ref} />
            </li>
          ))}
        </ul>
      )}
    </Flex>
  );
}

/**
 * The "Mandate" tab of an OpenAPI API: the API rules its providers fail, per operation, with
 * the fix to the definition; those a waiver covers, with the waiver, as the service tab shows
 * them; and the services that provide and consume it.
 */
export function ApiMandateContent() {
  const api = useApi(mandateApiRef);
  const state = useEntityView((client, entityRef) =>
    client.getApiView(entityRef),
  );
  const rules = useAsync(async () => {
    const list = await api.getRules();
    return new Map(list.map(rule => [rule.id, rule]));
  }, [api]);

  return (
    <AsyncView loading={state.loading} error={state.error} value={state.value}>
      {({ view }) => {
        if (!view) {
          return (
            <EmptyState
              missing="data"
              title="No Mandate results for this API"
              description="Mandate shows this API once it has read it from the catalog."
            />
          );
        }
        const all = findingRows(view);
        const rows = all.filter(row => row.finding.status !== 'waived');
        const waived = all.filter(row => row.finding.status === 'waived');
        const ruleMap = rules.value ?? new Map();
        return (
          <Flex direction="column" gap="4">
            <Card>
              <CardHeader>
                <Text as="h3" variant="title-x-small">
                  Failing rules per operation ({rows.length})
                </Text>
              </CardHeader>
              <CardBody>
                {rows.length === 0 ? (
                  <Text as="p">
                    {view.providers.length === 0
                      ? 'No service provides this API: Mandate evaluates APIs through the services that provide them.'
                      : `Every API rule passes for the services providing this API${
                          waived.length > 0 ? ', or is waived' : ''
                        }.`}
                  </Text>
                ) : (
                  <FindingTable
                    rows={rows}
                    rules={ruleMap}
                    label="Failing rules per operation"
                    apiRef={view.entityRef}
                  />
                )}
              </CardBody>
            </Card>
            {waived.length > 0 && (
              <Card>
                <CardHeader>
                  <Text as="h3" variant="title-x-small">
                    Waived rules per operation ({waived.length})
                  </Text>
                </CardHeader>
                <CardBody>
                  <FindingTable
                    rows={waived}
                    rules={ruleMap}
                    label="Waived rules per operation"
                    apiRef={view.entityRef}
                  />
                </CardBody>
              </Card>
            )}
            <Card>
              <CardHeader>
                <Text as="h3" variant="title-x-small">
                  Services
                </Text>
              </CardHeader>
              <CardBody>
                <Flex gap="6">
                  <ServiceList label="Provided by" refs={view.providers} />
                  <ServiceList label="Consumed by" refs={view.consumers} />
                </Flex>
              </CardBody>
            </Card>
          </Flex>
        );
      }}
    </AsyncView>
  );
}
