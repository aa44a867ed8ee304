import path from 'node:path';
import fs from 'node:fs/promises';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  parseLocationRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  AuthService,
  LoggerService,
  RootConfigService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  MANDATE_ANNOTATIONS,
  readUrl,
  RunbookDocument,
  SnapshotInput,
} from '@internal/plugin-mandate-node';

/** The kinds the rules read; everything else in the catalog is irrelevant to Mandate. */
const KINDS = ['Component', 'API', 'Resource', 'Group', 'User', 'System'];

/** How many runbooks are read at once. */
const READ_CONCURRENCY = 16;

/**
 * Reads the catalog through the catalog service and gathers what the rules need besides the
 * entities: the runbooks named by relative paths. A runbook is read relative to the entity's
 * source location: through the URL reader for remote locations (which applies
 * backend.reading.allow), and from disk only inside the directories of the file locations
 * configured in `catalog.locations`, never elsewhere.
 */
export class CatalogLoader {
  readonly #fileRoots: string[];

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      urlReader: UrlReaderService;
      logger: LoggerService;
      config: RootConfigService;
    },
  ) {
    this.#fileRoots = (deps.config.getOptionalConfigArray('catalog.locations') ?? [])
      .filter(location => location.getString('type') === 'file')
      .map(location => path.dirname(path.resolve(location.getString('target'))));
  }

  /** Every relevant entity with its runbook, ready for `new CatalogSnapshot(...)`. */
  async load(): Promise<SnapshotInput[]> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const { items } = await this.deps.catalog.getEntities(
      { filter: { kind: KINDS } },
      { credentials },
    );
    return this.#withRunbooks(items);
  }

  /** Just these entities (normalised refs), e.g. the ones that changed; missing ones are left out. */
  async loadRefs(entityRefs: string[]): Promise<SnapshotInput[]> {
    if (entityRefs.length === 0) return [];
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const { items } = await this.deps.catalog.getEntitiesByRefs({ entityRefs }, { credentials });
    return this.#withRunbooks(items.filter((entity): entity is Entity => !!entity));
  }

  async #withRunbooks(entities: Entity[]): Promise<SnapshotInput[]> {
    const inputs: SnapshotInput[] = entities.map(entity => ({
      entity,
      source: sourceOf(entity),
    }));
    await forEachConcurrently(inputs, READ_CONCURRENCY, async input => {
      input.runbook = await this.#readRunbook(input);
    });
    return inputs;
  }

  /** A cheap fingerprint of the catalog: entity ref -> etag, to detect changes. */
  async fingerprint(): Promise<Map<string, string>> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: { kind: KINDS },
        fields: ['kind', 'metadata.namespace', 'metadata.name', 'metadata.etag'],
      },
      { credentials },
    );
    return new Map(
      items.map(entity => [
        stringifyEntityRef(entity).toLowerCase(),
        String(entity.metadata.etag ?? ''),
      ]),
    );
  }

  async #readRunbook(input: SnapshotInput): Promise<RunbookDocument | undefined> {
    const value = input.entity.metadata.annotations?.[MANDATE_ANNOTATIONS.runbook];
    if (!value?.trim()) return undefined;
    const target = readUrl(value);
    if (target.kind !== 'relative-path' || !input.source) return undefined;
    try {
      return { path: target.path, text: await this.#readRelative(input.source, target.path) };
    } catch (error) {
      return { path: target.path, error: (error as Error).message };
    }
  }

  async #readRelative(source: string, relativePath: string): Promise<string> {
    const location = parseLocationRef(source);
    if (location.type === 'url') {
      const response = await this.deps.urlReader.readUrl(
        new URL(relativePath, location.target).toString(),
      );
      return (await response.buffer()).toString('utf8');
    }
    if (location.type !== 'file') {
      throw new Error(`cannot read from a ${location.type} location`);
    }
    const file = path.resolve(path.dirname(location.target), relativePath);
    const inside = this.#fileRoots.some(
      root => file === root || file.startsWith(root + path.sep),
    );
    if (!inside) {
      throw new Error('the path leads outside the catalog locations');
    }
    return fs.readFile(file, 'utf8');
  }
}

function sourceOf(entity: Entity): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  return annotations[ANNOTATION_LOCATION] ?? annotations[ANNOTATION_ORIGIN_LOCATION];
}

async function forEachConcurrently<T>(
  items: T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
