import { Card, CardBody, CardHeader, Flex, Grid, Text } from '@backstage/ui';
import { EmptyState } from '@backstage/core-components';
import { formatSlo } from '../../lib/formatSlo';
import { useEntityView } from '../../hooks/useEntityView';
import { AsyncView } from '../common/AsyncView';
import { EntityLink } from '../common/EntityLink';
import { AvailabilityCard } from './AvailabilityCard';
import { BlastRadiusCard } from './BlastRadiusCard';
import { NeighbourTable } from './NeighbourTable';
import { TierInversionPath } from './TierInversionPath';

/** The service's place in the call graph: both directions, availability, inversion, blast radius. */
export function EntityDependenciesContent() {
  const state = useEntityView((api, entityRef) => api.getGraph(entityRef));

  return (
    <AsyncView loading={state.loading} error={state.error} value={state.value}>
      {({ view }) =>
        !view ? (
          <EmptyState
            missing="data"
            title="Not in the dependency graph yet"
            description="The graph is built at the next evaluation."
          />
        ) : (
          <Flex direction="column" gap="4">
            <Text as="p" variant="body-medium">
              <EntityLink entityRef={view.entityRef} /> · tier{' '}
              <strong>{view.tier ?? 'none'}</strong> · SLO{' '}
              <strong>{formatSlo(view.slo)}</strong>
            </Text>
            <Grid.Root columns={{ initial: '1', md: '2' }} gap="4">
              <AvailabilityCard view={view} />
              <BlastRadiusCard view={view} />
            </Grid.Root>
            {view.tierInversionPath && view.tierInversionPath.length > 1 && (
              <TierInversionPath path={view.tierInversionPath} view={view} />
            )}
            <Grid.Root columns={{ initial: '1', md: '2' }} gap="4">
              <Card>
                <CardHeader>
                  <Text as="h3" variant="title-x-small">
                    Depends on ({view.dependencies.length})
                  </Text>
                </CardHeader>
                <CardBody>
                  <NeighbourTable
                    label="Dependencies"
                    neighbours={view.dependencies}
                    weakestLink={view.weakestLink}
                    emptyText="No service dependencies."
                  />
                </CardBody>
              </Card>
              <Card>
                <CardHeader>
                  <Text as="h3" variant="title-x-small">
                    Depended on by ({view.dependents.length})
                  </Text>
                </CardHeader>
                <CardBody>
                  <NeighbourTable
                    label="Dependents"
                    neighbours={view.dependents}
                    weakestLink={null}
                    emptyText="No service depends on this one."
                  />
                </CardBody>
              </Card>
            </Grid.Root>
          </Flex>
        )
      }
    </AsyncView>
  );
}
