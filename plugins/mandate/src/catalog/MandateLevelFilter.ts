import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { EntityFilter } from '@backstage/plugin-catalog-react';
import { Level } from '@mandate-dev/plugin-mandate-common';

/**
 * Catalog entities at one Mandate level. The catalog backend knows nothing of levels, so the
 * request asks for the names of the services at that level, and each entity that comes back is
 * checked against their full refs (a name can exist in several namespaces).
 */
export class MandateLevelFilter implements EntityFilter {
  constructor(readonly level: Level, readonly refs: ReadonlySet<string>) {}

  getCatalogFilters(): Record<string, string[]> {
    const names = [...this.refs].map(ref => ref.slice(ref.indexOf('/') + 1));
    // No service at this level: a name no entity can have (":" is not allowed in names), so
    // that the catalog answers nothing rather than everything.
    return { 'metadata.name': names.length ? names : [':no-service'] };
  }

  filterEntity(entity: Entity): boolean {
    return this.refs.has(stringifyEntityRef(entity).toLocaleLowerCase('en-US'));
  }

  toQueryValue(): string {
    return this.level;
  }
}
