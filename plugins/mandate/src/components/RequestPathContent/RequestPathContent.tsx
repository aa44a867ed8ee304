import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { EmptyState } from '@backstage/core-components';
import { useEntityView } from '../../hooks/useEntityView';
import { AsyncView } from '../common/AsyncView';
import { HopTable } from './HopTable';
import { pathProblems } from './pathProblems';
import { ProblemList } from './ProblemList';
import { RequestPathGraph } from './RequestPathGraph';

/**
 * How a request passes through the four layers for this service, gateway or load balancer:
 * the graph, the problems in words and every hop's tier, SLO, template and keep-alive timeout.
 */
export function RequestPathContent() {
  const state = useEntityView((api, entityRef) =>
    api.getRequestPath(entityRef),
  );

  return (
    <AsyncView loading={state.loading} error={state.error} value={state.value}>
      {({ view }) => {
        if (!view) {
          return (
            <EmptyState
              missing="data"
              title="No request path yet"
              description="Mandate draws the path once it has read this entity from the catalog."
            />
          );
        }
        const problems = pathProblems(view);
        return (
          <Flex direction="column" gap="4">
            <ProblemList problems={problems} />
            <Card>
              <CardHeader>
                <Text as="h3" variant="title-x-small">
                  Request path
                </Text>
              </CardHeader>
              <CardBody>
                <Text as="p" variant="body-small" color="secondary">
                  From the access layer to the database clusters. Dashed: soft
                  dependency (a fallback exists). Red and labelled: a problem.
                  {view.truncated &&
                    ' The path is longer than the view shows: it stops at its bounds.'}
                </Text>
                <RequestPathGraph view={view} problems={problems} />
              </CardBody>
            </Card>
            <Card>
              <CardHeader>
                <Text as="h3" variant="title-x-small">
                  Hops ({view.nodes.length})
                </Text>
              </CardHeader>
              <CardBody>
                <HopTable nodes={view.nodes} />
              </CardBody>
            </Card>
          </Flex>
        );
      }}
    </AsyncView>
  );
}
