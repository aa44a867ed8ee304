import { CSSProperties } from 'react';
import { Flex, Link, Text } from '@backstage/ui';
import {
  LEVELS,
  Level,
  formatPercent,
  RULE_LEVELS,
  Tier,
  TierSummary,
} from '@mandate-dev/plugin-mandate-common';
import { LevelBadge } from '../common/LevelBadge';
import { LEVEL_LABELS } from '../../lib/levels';

const TIER_LABELS: Record<Tier | 'none', string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  none: 'No tier',
};

const cellStyle: CSSProperties = {
  padding: '8px 12px',
  borderBottom: '1px solid var(--bui-border-1, #d9d9d9)',
  textAlign: 'right',
  whiteSpace: 'nowrap',
};
const headStyle: CSSProperties = {
  ...cellStyle,
  fontWeight: 600,
  color: 'var(--bui-fg-primary, #000000)',
};
/** Cells at or above the tier's required level: a neutral tint keeps the text's contrast. */
const metStyle: CSSProperties = {
  background: 'var(--bui-bg-neutral-2, #f0f0f0)',
  fontWeight: 600,
};

function meets(level: Level, required: TierSummary['requiredLevel']) {
  return (
    level !== 'none' &&
    required !== undefined &&
    RULE_LEVELS.indexOf(level) >= RULE_LEVELS.indexOf(required)
  );
}

function share(count: number, of: number) {
  return of === 0 ? '' : ` (${formatPercent(Math.round((100 * count) / of))})`;
}

/**
 * The question leadership asks first: how many services of each tier are at the level their
 * tier requires (`mandate.requiredLevels`). A tier x level table, every count a link to those
 * services; the cells that meet the requirement are tinted.
 */
export function RequiredLevelMatrix(props: {
  tiers: TierSummary[];
  atRequiredLevel: number;
  services: number;
  hrefFor: (filters: {
    tier: Tier | 'none';
    level?: Level;
  }) => string | undefined;
}) {
  const { tiers, atRequiredLevel, services, hrefFor } = props;
  const levels = [...LEVELS].reverse();
  const count = (n: number, label: string, href: string | undefined) =>
    href ? (
      <Link href={href} aria-label={label}>
        {n}
      </Link>
    ) : (
      String(n)
    );

  return (
    <Flex direction="column" gap="3">
      <Text as="p" variant="title-medium" data-testid="required-level-headline">
        {atRequiredLevel} of {services} services at the required level
        {share(atRequiredLevel, services)}
      </Text>
      <div style={{ overflowX: 'auto' }}>
        <table
          data-testid="required-level-matrix"
          style={{
            borderCollapse: 'collapse',
            width: '100%',
            minWidth: 560,
            fontSize: 14,
            color: 'var(--bui-fg-primary, #000000)',
          }}
        >
          <caption
            style={{
              textAlign: 'left',
              paddingBottom: 8,
              color: 'var(--bui-fg-secondary, #696969)',
            }}
          >
            Services per tier and level; tinted counts meet the level the tier
            requires
          </caption>
          <thead>
            <tr>
              <th scope="col" style={{ ...headStyle, textAlign: 'left' }}>
                Tier
              </th>
              <th scope="col" style={{ ...headStyle, textAlign: 'left' }}>
                Required
              </th>
              {levels.map(level => (
                <th key={level} scope="col" style={headStyle}>
                  {level === 'none' ? 'None' : LEVEL_LABELS[level]}
                </th>
              ))}
              <th scope="col" style={headStyle}>
                At required level
              </th>
            </tr>
          </thead>
          <tbody>
            {tiers.map(row => (
              <tr key={row.tier} data-tier={row.tier}>
                <th scope="row" style={{ ...headStyle, textAlign: 'left' }}>
                  {count(
                    row.services,
                    `${row.services} ${TIER_LABELS[row.tier]} services`,
                    hrefFor({ tier: row.tier }),
                  )}{' '}
                  {TIER_LABELS[row.tier]}
                </th>
                <td style={{ ...cellStyle, textAlign: 'left' }}>
                  {row.requiredLevel && (
                    <LevelBadge level={row.requiredLevel} />
                  )}
                </td>
                {levels.map(level => {
                  const n = row.levels[level] ?? 0;
                  return (
                    <td
                      key={level}
                      data-level={level}
                      style={
                        meets(level, row.requiredLevel)
                          ? { ...cellStyle, ...metStyle }
                          : cellStyle
                      }
                    >
                      {count(
                        n,
                        `${n} ${TIER_LABELS[row.tier]} services at ${
                          level === 'none' ? 'no level' : level
                        }`,
                        hrefFor({ tier: row.tier, level }),
                      )}
                    </td>
                  );
                })}
                <td data-testid="at-required-level" style={cellStyle}>
                  {row.atRequiredLevel ?? 0} of {row.services}
                  {share(row.atRequiredLevel ?? 0, row.services)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Flex>
  );
}
