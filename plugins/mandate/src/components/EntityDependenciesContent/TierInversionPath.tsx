import { Fragment } from 'react';
import { Card, CardBody, CardHeader, Text } from '@backstage/ui';
import { DependencyView } from '@mandate-dev/plugin-mandate-common';
import { EntityLink } from '../common/EntityLink';
import { TONE_COLORS } from '../../lib/tones';

/** A tier inversion as the path it takes, from the service to the less critical one. */
export function TierInversionPath(props: {
  path: string[];
  view: DependencyView;
}) {
  const tiers = new Map<string, string | null>([
    [props.view.entityRef, props.view.tier],
    ...props.view.dependencies.map(n => [n.entityRef, n.tier] as const),
  ]);
  return (
    <Card>
      <CardHeader>
        <Text
          as="h3"
          variant="title-x-small"
          style={{ color: TONE_COLORS.danger }}
        >
          Tier inversion
        </Text>
      </CardHeader>
      <CardBody>
        <Text
          as="p"
          variant="body-small"
          color="secondary"
          style={{ marginBottom: 8 }}
        >
          Through hard dependencies this service relies on a less critical one,
          which silently becomes critical.
        </Text>
        <ol
          aria-label="Tier inversion path"
          style={{
            listStyle: 'none',
            display: 'flex',
            flexWrap: 'wrap',
            alignItems: 'center',
            gap: 8,
            padding: 0,
            margin: 0,
          }}
        >
          {props.path.map((ref, index) => {
            const tier = tiers.get(ref);
            const last = index === props.path.length - 1;
            return (
              <Fragment key={`${ref}-${index}`}>
                {index > 0 && (
                  <li aria-hidden style={{ color: '#c62828', fontWeight: 700 }}>
                    →
                  </li>
                )}
                <li
                  style={{
                    border: `2px solid ${
                      last ? '#c62828' : 'var(--bui-border, #ccc)'
                    }`,
                    borderRadius: 8,
                    padding: '4px 10px',
                  }}
                >
                  <EntityLink entityRef={ref} />
                  {tier !== undefined && (
                    <Text as="span" variant="body-small" color="secondary">
                      {' '}
                      ({tier ?? 'no tier'})
                    </Text>
                  )}
                </li>
              </Fragment>
            );
          })}
        </ol>
      </CardBody>
    </Card>
  );
}
