import { TableColumn } from '@backstage/core-components';
import { EntityListContextProps } from '@backstage/plugin-catalog-react';
import { CatalogTable, CatalogTableRow } from '@backstage/plugin-catalog';
import { MandateLevelCell } from './MandateLevelCell';

/**
 * Names and titles break between words ("Checkout team"), never inside one ("Checkou|t"). A new
 * object per column: the table sets `fontWeight` on the style of a highlighted column in place.
 */
function noMidWordBreak() {
  return { wordBreak: 'normal', overflowWrap: 'normal' } as const;
}

/**
 * The catalog's own columns, plus Mandate level and score while it lists components (the kind
 * services are).
 *
 * @public
 */
export function mandateCatalogColumns(
  context: EntityListContextProps,
): TableColumn<CatalogTableRow>[] {
  const columns = CatalogTable.defaultColumnsFunc(context).map(column => ({
    ...column,
    cellStyle: noMidWordBreak(),
  }));
  const kind =
    context.entities[0]?.kind?.toLocaleLowerCase('en-US') ??
    context.filters.kind?.value?.toLocaleLowerCase('en-US');
  if (kind !== 'component') return columns;
  const [title, name, ...rest] = columns;
  return [
    title,
    name,
    {
      title: 'Mandate level',
      field: 'mandate.level',
      sorting: false,
      cellStyle: { whiteSpace: 'nowrap' as const },
      render: ({ entity }) => <MandateLevelCell entity={entity} show="level" />,
    },
    {
      title: 'Score',
      field: 'mandate.score',
      sorting: false,
      render: ({ entity }) => <MandateLevelCell entity={entity} show="score" />,
    },
    ...rest,
  ];
}
