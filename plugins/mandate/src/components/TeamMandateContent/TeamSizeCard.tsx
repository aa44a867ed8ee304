import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { RuleResult } from '@mandate-dev/plugin-mandate-common';
import { EvidenceText } from '../common/EvidenceText';
import { StatusBadge } from '../common/StatusBadge';
import { TONE_COLORS } from '../../lib/tones';

/** What the team page knows about the two-pizza verdict of the team. */
export type TeamSizeVerdict =
  /** The team's services are still loading. */
  | { kind: 'loading' }
  /** The team's services could not be loaded (the list below shows the error). */
  | { kind: 'unavailable' }
  /** No service of the team is scored, so the engine has judged nothing. */
  | { kind: 'no-service' }
  /** The team's services are scored, but without the rule (turned off in this portal). */
  | { kind: 'not-evaluated' }
  /** The team-size result of the team's services (they all share it). */
  | { kind: 'result'; result: RuleResult };

const COLOR: Record<
  RuleResult['status'],
  'success' | 'danger' | 'info' | 'secondary'
> = {
  pass: 'success',
  fail: 'danger',
  error: 'danger',
  waived: 'info',
  'not-applicable': 'secondary',
};

const METER: Record<'success' | 'danger' | 'info' | 'secondary', string> = {
  success: '#2e7d32',
  danger: '#c62828',
  info: '#1565c0',
  secondary: '#9e9e9e',
};

/**
 * Team size beside the engine's two-pizza verdict. The member count is the Group's hasMember
 * relations as the catalog holds them, and the limit the rule's option from GET /rules; whether
 * the size is fine is the engine's word (the rule's result), never judged here.
 */
export function TeamSizeCard(props: {
  members: number;
  limit: number | undefined;
  verdict: TeamSizeVerdict;
}) {
  const { members, limit, verdict } = props;
  const result = verdict.kind === 'result' ? verdict.result : undefined;
  const color = result ? COLOR[result.status] : 'secondary';
  let text: React.ReactNode;
  if (verdict.kind === 'loading') text = 'Loading the verdict…';
  else if (verdict.kind === 'unavailable')
    text =
      "The team's services could not be loaded, so neither can the verdict.";
  else if (verdict.kind === 'no-service')
    text = 'No service is scored for this team, so there is no verdict yet.';
  else if (verdict.kind === 'not-evaluated')
    text = 'The two-pizza rule is not evaluated in this portal.';
  else if (verdict.result.message)
    text = (
      <EvidenceText text={verdict.result.message} refs={verdict.result.refs} />
    );
  else if (verdict.result.status === 'pass')
    text =
      limit === undefined
        ? 'Within the two-pizza limit.'
        : `Within the two-pizza limit of ${limit}.`;
  return (
    <Card>
      <CardHeader>
        <Flex justify="between" align="center">
          <Text as="h3" variant="title-x-small">
            Team size
          </Text>
          {result && <StatusBadge status={result.status} />}
        </Flex>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="2">
          <Text
            as="p"
            variant="title-medium"
            style={{ color: TONE_COLORS[color] }}
            data-testid="team-size"
          >
            {limit === undefined
              ? `${members} members`
              : `${members} / ${limit} members`}
          </Text>
          {limit !== undefined && (
            <div
              role="meter"
              aria-label="Team size against the two-pizza limit"
              aria-valuemin={0}
              aria-valuemax={limit}
              aria-valuenow={members}
              style={{
                height: 8,
                borderRadius: 4,
                background: 'var(--bui-bg-neutral-2, #e0e0e0)',
                overflow: 'hidden',
              }}
            >
              <div
                style={{
                  width: `${Math.min(
                    100,
                    (members / Math.max(limit, 1)) * 100,
                  )}%`,
                  height: '100%',
                  background: METER[color],
                }}
              />
            </div>
          )}
          <Text
            as="p"
            variant="body-small"
            color="secondary"
            data-testid="team-size-verdict"
          >
            {text}
          </Text>
        </Flex>
      </CardBody>
    </Card>
  );
}
