import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';

/** Team size against the two-pizza limit: members come from the Group's hasMember relations. */
export function TeamSizeCard(props: { members: number; limit: number }) {
  const { members, limit } = props;
  const ok = members >= 1 && members <= limit;
  let verdict = `Within the two-pizza limit of ${limit}.`;
  if (members === 0) verdict = 'A team without members cannot own a service.';
  else if (!ok)
    verdict = `${
      members - limit
    } over the two-pizza limit of ${limit}: split the team.`;
  return (
    <Card>
      <CardHeader>
        <Text as="h3" variant="title-x-small">
          Team size
        </Text>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="2">
          <Text
            as="p"
            variant="title-medium"
            color={ok ? 'success' : 'danger'}
            data-testid="team-size"
          >
            {members} / {limit} members
          </Text>
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
                background: ok ? '#2e7d32' : '#c62828',
              }}
            />
          </div>
          <Text as="p" variant="body-small" color="secondary">
            {verdict}
          </Text>
        </Flex>
      </CardBody>
    </Card>
  );
}
