import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { DependencyView } from '@mandate-dev/plugin-mandate-common';

/** How many services go down with this one, directly and transitively. */
export function BlastRadiusCard(props: { view: DependencyView }) {
  const { direct, transitive } = props.view.blastRadius;
  return (
    <Card>
      <CardHeader>
        <Text as="h3" variant="title-x-small">
          Blast radius
        </Text>
      </CardHeader>
      <CardBody>
        <Flex gap="6">
          <Flex direction="column" gap="0.5">
            <Text as="span" variant="title-medium" data-testid="blast-direct">
              {direct}
            </Text>
            <Text as="span" variant="body-small" color="secondary">
              direct dependents
            </Text>
          </Flex>
          <Flex direction="column" gap="0.5">
            <Text
              as="span"
              variant="title-medium"
              data-testid="blast-transitive"
            >
              {transitive}
            </Text>
            <Text as="span" variant="body-small" color="secondary">
              transitive dependents
            </Text>
          </Flex>
        </Flex>
        <Text
          as="p"
          variant="body-small"
          color="secondary"
          style={{ marginTop: 8 }}
        >
          Services that go down, directly or through a chain, when this one
          does.
        </Text>
      </CardBody>
    </Card>
  );
}
