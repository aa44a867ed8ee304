import { Card, CardBody, CardHeader, Text } from '@backstage/ui';
import { COLOURS } from './colours';
import { PathProblem } from './pathProblems';

const KIND_LABELS: Record<PathProblem['kind'], string> = {
  'keep-alive': 'Keep-alive order',
  'tier-inversion': 'Tier inversion',
  'unapproved-template': 'Unapproved platform template',
};

/** The mismatches between the layers, in words: the graph marks them, this says them. */
export function ProblemList(props: { problems: PathProblem[] }) {
  const { problems } = props;
  return (
    <Card>
      <CardHeader>
        <Text as="h3" variant="title-x-small">
          {problems.length === 0
            ? 'The layers agree along this path'
            : `Problems on this path (${problems.length})`}
        </Text>
      </CardHeader>
      <CardBody>
        {problems.length === 0 ? (
          <Text as="p" color="secondary">
            Keep-alive timeouts are ordered, no hard dependency is less critical
            than its caller, and every platform template is approved.
          </Text>
        ) : (
          <ul aria-label="Problems" style={{ margin: 0, paddingLeft: 20 }}>
            {problems.map(problem => (
              <li key={`${problem.kind}-${problem.refs.join('-')}`}>
                <Text as="span" variant="body-medium">
                  <strong style={{ color: COLOURS.danger }}>
                    {KIND_LABELS[problem.kind]}:
                  </strong>{' '}
                  {problem.text}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
