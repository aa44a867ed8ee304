import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { ReadableRefs } from '../store/ReadableRefs';

/**
 * Who may see and change what, in the catalog's terms: every permission is checked against the
 * service's catalog entity, so a policy's conditional decisions (e.g. isEntityOwner) are resolved
 * by the catalog, and a service the catalog hides from a caller is hidden by Mandate too.
 */
export class EntityAccess {
  constructor(
    private readonly permissions: PermissionsService,
    private readonly catalog: CatalogService,
  ) {}

  /** Whether the permission is allowed on the entity, e.g. to choose what a request does. */
  async isAllowed(
    credentials: BackstageCredentials,
    permission: ResourcePermission<'catalog-entity'>,
    entityRef: string,
  ): Promise<boolean> {
    const [decision] = await this.permissions.authorize(
      [{ permission, resourceRef: entityRef }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }

  /**
   * Throws NotAllowedError unless the permission is allowed on the entity. Without an entity
   * (e.g. a full evaluation), only an unconditional allow passes.
   */
  async assertAllowed(
    credentials: BackstageCredentials,
    permission: ResourcePermission<'catalog-entity'>,
    entityRef?: string,
  ): Promise<void> {
    const [decision] = entityRef
      ? await this.permissions.authorize(
          [{ permission, resourceRef: entityRef }],
          { credentials },
        )
      : await this.permissions.authorizeConditional([{ permission }], {
          credentials,
        });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        entityRef
          ? `Not allowed: ${permission.name} on ${entityRef}`
          : `Not allowed: ${permission.name}`,
      );
    }
  }

  /**
   * Throws NotFoundError, as the catalog answers for an entity it hides, unless the caller may
   * read the entity in the catalog. `notFound` is the message an unknown service gets, so that a
   * hidden service and a missing one cannot be told apart.
   */
  async assertReadable(
    credentials: BackstageCredentials,
    entityRef: string,
    notFound: string,
  ): Promise<void> {
    const [decision] = await this.permissions.authorize(
      [{ permission: catalogEntityReadPermission, resourceRef: entityRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW)
      throw new NotFoundError(notFound);
  }

  /**
   * Which of these entities (of any kind) the caller may read in the catalog, in one batch:
   * for the views that show an entity's neighbours.
   */
  async readableAmong(
    credentials: BackstageCredentials,
    entityRefs: readonly string[],
  ): Promise<Set<string>> {
    if (entityRefs.length === 0) return new Set();
    const decisions = await this.permissions.authorize(
      entityRefs.map(resourceRef => ({
        permission: catalogEntityReadPermission,
        resourceRef,
      })),
      { credentials },
    );
    return new Set(
      entityRefs.filter(
        (_, i) => decisions[i].result === AuthorizeResult.ALLOW,
      ),
    );
  }

  /**
   * The services the caller may read, for the lists. An unconditional decision costs no catalog
   * query; a conditional one asks the catalog, with the caller's credentials, which components
   * the caller can see.
   */
  async readableRefs(credentials: BackstageCredentials): Promise<ReadableRefs> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return 'all';
    if (decision.result === AuthorizeResult.DENY) return new Set();
    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: 'component' },
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    return new Set(
      items.map(entity =>
        stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
      ),
    );
  }
}
