import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { DependencyView } from '@mandate-dev/plugin-mandate-common';
import { formatSlo } from '../../lib/formatSlo';
import { formatPercent } from '@mandate-dev/plugin-mandate-common';
import { TONE_COLORS } from '../../lib/tones';
import { EntityLink } from '../common/EntityLink';

/** The composite availability of the hard dependencies against the service's own SLO. */
export function AvailabilityCard(props: { view: DependencyView }) {
  const { view } = props;
  const composite = view.compositeAvailability;
  const short = composite !== null && view.slo !== null && composite < view.slo;
  return (
    <Card>
      <CardHeader>
        <Text as="h3" variant="title-x-small">
          Composite availability of hard dependencies
        </Text>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="2">
          <Text
            as="p"
            variant="title-medium"
            style={{
              color:
                TONE_COLORS[short || composite === null ? 'danger' : 'success'],
            }}
            data-testid="composite-availability"
          >
            {composite === null ? 'unknown' : formatPercent(composite)}
          </Text>
          <Text as="p" variant="body-small" color="secondary">
            {composite === null
              ? 'A hard dependency has no SLO, so the call chain has no known availability.'
              : `Against its own target of ${formatSlo(view.slo)}${
                  short ? ': the dependencies cannot deliver it.' : '.'
                }`}
          </Text>
          {view.weakestLink && (
            <Flex align="center" gap="2">
              <Text as="span" variant="body-medium">
                Weakest link:
              </Text>
              <span
                data-testid="weakest-link"
                style={{
                  border: '2px solid #c62828',
                  borderRadius: 8,
                  padding: '2px 10px',
                  fontWeight: 600,
                }}
              >
                <EntityLink entityRef={view.weakestLink} />
              </span>
            </Flex>
          )}
        </Flex>
      </CardBody>
    </Card>
  );
}
