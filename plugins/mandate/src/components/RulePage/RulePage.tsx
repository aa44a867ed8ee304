import useAsync from 'react-use/esm/useAsync';
import { Card, CardBody, Container, Flex, Link, Text } from '@backstage/ui';
import { EmptyState } from '@backstage/core-components';
import {
  useApi,
  useRouteRef,
  useRouteRefParams,
} from '@backstage/frontend-plugin-api';
import { TENETS } from '@mandate-dev/plugin-mandate-common';
import { mandateApiRef } from '../../api';
import { rootRouteRef, ruleRouteRef } from '../../routes';
import { AsyncView } from '../common/AsyncView';
import { LevelBadge } from '../common/LevelBadge';
import { SnippetBlock } from '../common/SnippetBlock';
import { FailingServices } from './FailingServices';
import { RuleText } from '../common/RuleText';

/** /mandate/rules/:ruleId — what the rule checks, why, how to fix it, and who fails it. */
export function RulePage() {
  const { ruleId } = useRouteRefParams(ruleRouteRef);
  const api = useApi(mandateApiRef);
  const dashboardLink = useRouteRef(rootRouteRef);
  const rules = useAsync(() => api.getRules(), [api]);

  return (
    <Container my="4">
      <AsyncView
        loading={rules.loading}
        error={rules.error}
        value={rules.value}
      >
        {all => {
          const rule = all.find(r => r.id === ruleId);
          if (!rule) {
            return (
              <EmptyState
                missing="info"
                title={`No rule ${ruleId}`}
                description="The rule does not exist or is turned off in this portal's configuration."
                action={
                  dashboardLink ? (
                    <Link href={dashboardLink()}>Back to the dashboard</Link>
                  ) : undefined
                }
              />
            );
          }
          const tenet = TENETS.find(t => t.id === rule.tenet);
          const options = Object.entries(rule.options ?? {}).filter(
            ([key]) => key !== 'enabled',
          );
          return (
            <Flex direction="column" gap="4">
              <Flex align="center" gap="3" style={{ flexWrap: 'wrap' }}>
                <Text as="h2" variant="title-medium">
                  {rule.title}
                </Text>
                <LevelBadge level={rule.level} size="medium" />
                <Text as="span" color="secondary">
                  {rule.id} · {tenet?.title ?? rule.tenet}
                </Text>
              </Flex>
              <Card>
                <CardBody>
                  <Flex direction="column" gap="3">
                    <section aria-label="What it checks">
                      <Text as="h3" variant="title-x-small">
                        What it checks
                      </Text>
                      <Text as="p">
                        <RuleText text={rule.description} />
                      </Text>
                    </section>
                    <section aria-label="Why">
                      <Text as="h3" variant="title-x-small">
                        Why
                      </Text>
                      <Text as="p">
                        <RuleText text={rule.rationale} />
                      </Text>
                    </section>
                    <section aria-label="How to fix it">
                      <Text as="h3" variant="title-x-small">
                        How to fix it
                      </Text>
                      <Text as="p">
                        <RuleText text={rule.remediation.text} />
                      </Text>
                      {rule.remediation.snippet && (
                        <SnippetBlock
                          text={rule.remediation.snippet}
                          language={rule.remediation.language}
                        />
                      )}
                    </section>
                    {options.length > 0 && (
                      <section aria-label="Options">
                        <Text as="h3" variant="title-x-small">
                          Options in effect
                        </Text>
                        <ul style={{ margin: 0, paddingLeft: 20 }}>
                          {options.map(([key, value]) => (
                            <li key={key}>
                              <code>{key}</code>: {JSON.stringify(value)}
                            </li>
                          ))}
                        </ul>
                      </section>
                    )}
                  </Flex>
                </CardBody>
              </Card>
              <FailingServices ruleId={rule.id} />
            </Flex>
          );
        }}
      </AsyncView>
    </Container>
  );
}
