import { Flex, Link, Text } from '@backstage/ui';
import {
  LevelCounts as Counts,
  LEVELS,
  Level,
} from '@mandate-dev/plugin-mandate-common';
import { LevelBadge } from '../common/LevelBadge';

/** How many services reached each level, every count a link to those services. */
export function LevelCounts(props: {
  levels: Counts;
  hrefFor: (level: Level) => string | undefined;
}) {
  return (
    <Flex gap="4" aria-label="Level distribution" role="list">
      {[...LEVELS].reverse().map(level => {
        const href = props.hrefFor(level);
        const count = props.levels[level] ?? 0;
        return (
          <Flex
            key={level}
            direction="column"
            align="center"
            gap="1"
            role="listitem"
          >
            <LevelBadge level={level} />
            {href ? (
              <Link
                href={href}
                variant="title-small"
                aria-label={`${count} services at level ${level}`}
              >
                {count}
              </Link>
            ) : (
              <Text as="span" variant="title-small">
                {count}
              </Text>
            )}
          </Flex>
        );
      })}
    </Flex>
  );
}
