import { Container, Flex, Link, Tag, TagGroup, Text } from '@backstage/ui';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { rootRouteRef } from '../../routes';
import { useReportPage } from '../../hooks/useReportPage';
import { ReportPageTable } from '../common/ReportPageTable';
import { useDisplayNames } from '../../hooks/useDisplayNames';
import {
  REPORT_FILTER_KEYS,
  ReportFilters,
  useReportFilters,
} from '../Dashboard/useReportFilters';
import { InvalidFiltersNotice } from '../Dashboard/InvalidFiltersNotice';

function describe(
  key: string,
  value: string,
  names: Map<string, string>,
): string {
  if (key === 'owner' || key === 'system')
    return `${key} ${names.get(value) ?? value}`;
  if (key === 'ruleId') return `rule ${value}`;
  return `${key} ${value}`;
}

/**
 * The services behind a number on the dashboard: GET /report with the page's query parameters,
 * paginated by the server so that it works for any catalog size.
 */
export function ServicesPage() {
  const [filters, setFilter, invalidFilters, clearFilters] = useReportFilters();
  const dashboardLink = useRouteRef(rootRouteRef);
  const page = useReportPage(filters, 20);
  const active = REPORT_FILTER_KEYS.filter(key => filters[key]);
  const ownerNames = useDisplayNames(
    filters.owner ? [filters.owner] : [],
    'group',
  );
  const systemNames = useDisplayNames(
    filters.system ? [filters.system] : [],
    'system',
  );
  const names = new Map([...ownerNames, ...systemNames]);

  return (
    <Container my="4">
      <Flex direction="column" gap="4">
        <Flex
          justify="between"
          align="center"
          gap="3"
          style={{ flexWrap: 'wrap' }}
        >
          <Flex align="center" gap="2" style={{ flexWrap: 'wrap' }}>
            <Text as="h2" variant="title-small">
              Services
            </Text>
            {active.length > 0 ? (
              <TagGroup
                aria-label="Active filters"
                onRemove={keys => {
                  for (const key of keys)
                    setFilter(key as keyof ReportFilters, undefined);
                }}
              >
                {active.map(key => (
                  <Tag key={key} id={key}>
                    {describe(key, String(filters[key]), names)}
                  </Tag>
                ))}
              </TagGroup>
            ) : (
              <Text as="span" color="secondary">
                all evaluated services
              </Text>
            )}
          </Flex>
          {dashboardLink && (
            <Link href={dashboardLink()}>Back to the dashboard</Link>
          )}
        </Flex>
        <InvalidFiltersNotice
          invalid={invalidFilters}
          onRemove={clearFilters}
        />
        <ReportPageTable
          page={page}
          ruleId={filters.ruleId}
          empty={{
            title: 'No services',
            description: 'No evaluated service matches these filters.',
          }}
        />
      </Flex>
    </Container>
  );
}
