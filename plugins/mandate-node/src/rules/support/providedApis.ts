import { CatalogSnapshot, SnapshotEntity } from '../../catalog';

/**
 * The existing API entities a service provides. Refs that do not resolve, or resolve to
 * something other than an API, are judged by the provides-api and resolved rules only.
 */
export function providedApis(
  service: SnapshotEntity,
  snapshot: CatalogSnapshot,
): SnapshotEntity[] {
  const apis: SnapshotEntity[] = [];
  for (const link of service.providesApis) {
    const api = snapshot.resolve(link);
    if (api?.kind === 'api' && !apis.includes(api)) apis.push(api);
  }
  return apis;
}
