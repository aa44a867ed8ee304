import { ENTITY_STATUS_CATALOG_PROCESSING_TYPE } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { AlphaEntity, EntityStatusItem } from '@backstage/catalog-model/alpha';
import { InputError, serializeError } from '@backstage/errors';

/**
 * The entity with each message added as a processing-error status item, shaped exactly like
 * the ones the catalog writes for `processingResult.inputError` (type
 * `backstage.io/catalog-processing`, level `error`, `InputError: <message>`), so the entity
 * page's "processing errors" panel and API clients show them the same way.
 *
 * Why not emit `inputError` itself: in @backstage/plugin-catalog-backend 4.x any emitted error
 * makes the processing result not ok, and the engine then stores only the errors and keeps the
 * previously processed entity (DefaultCatalogProcessingEngine: `updateProcessedEntityErrors`
 * instead of `updateProcessedEntity`); a new entity never appears at all, and an edit to an
 * existing one never lands. A bad annotation must not hide a service from the portal, nor
 * from Mandate, whose rules report it. The stitcher keeps a processed entity's own
 * `status.items` and appends real processing errors after them, so these survive stitching.
 */
export function withProcessingErrors(
  entity: Entity,
  messages: string[],
): Entity {
  if (messages.length === 0) return entity;
  const current = entity as AlphaEntity;
  const items: EntityStatusItem[] = messages.map(message => {
    const error = new InputError(message);
    return {
      type: ENTITY_STATUS_CATALOG_PROCESSING_TYPE,
      level: 'error',
      message: `${error.name}: ${error.message}`,
      error: serializeError(error),
    };
  });
  const result: AlphaEntity = {
    ...current,
    status: {
      ...current.status,
      items: [...(current.status?.items ?? []), ...items],
    },
  };
  return result;
}
