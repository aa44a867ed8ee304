import path from 'node:path';
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
  FileReadError,
  MANDATE_ANNOTATIONS,
  readFileInsideRoots,
  readFileLimits,
  readUrl,
  RunbookDocument,
  SnapshotInput,
} from '@mandate-dev/plugin-mandate-node';
import { readUrlBounded } from './readUrlBounded';

/** The kinds the rules read; everything else in the catalog is irrelevant to Mandate. */
const KINDS = ['Component', 'API', 'Resource', 'Group', 'User', 'System'];

/** How many runbooks are read at once. */
const READ_CONCURRENCY = 16;

/**
 * Reads the catalog through the catalog service and gathers what the rules need besides the
 * entities: the runbooks named by relative paths. A runbook is read relative to the entity's
 * source location: through the URL reader for remote locations (which applies
 * backend.reading.allow), and from disk only inside the directories of the file locations
 * configured in `catalog.locations` (symlinks resolved), never elsewhere. Only well-formed
 * relative paths are read, only regular files, and nothing larger than
 * `mandate.limits.maxRunbookBytes`: a catalog entry must not be able to make the backend read
 * its host's files, hang on a FIFO or fill its memory.
 */
export class CatalogLoader {
  readonly #fileRoots: string[];
  readonly #maxRunbookBytes: number;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      urlReader: UrlReaderService;
      logger: LoggerService;
      config: RootConfigService;
    },
  ) {
    this.#fileRoots = (
      deps.config.getOptionalConfigArray('catalog.locations') ?? []
    )
      .filter(location => location.getString('type') === 'file')
      .map(location =>
        path.dirname(path.resolve(location.getString('target'))),
      );
    this.#maxRunbookBytes = readFileLimits(deps.config).maxRunbookBytes;
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
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      { entityRefs },
      { credentials },
    );
    return this.#withRunbooks(
      items.filter((entity): entity is Entity => !!entity),
    );
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
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.etag',
        ],
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

  async #readRunbook(
    input: SnapshotInput,
  ): Promise<RunbookDocument | undefined> {
    const value =
      input.entity.metadata.annotations?.[MANDATE_ANNOTATIONS.runbook];
    if (!value?.trim()) return undefined;
    const target = readUrl(value);
    if (target.kind !== 'relative-path' || !input.source) return undefined;
    try {
      return {
        path: target.path,
        text: await this.#readRelative(input.source, target.path),
      };
    } catch (error) {
      return {
        path: target.path,
        error:
          error instanceof FileReadError
            ? error.reason
            : (error as Error).message,
      };
    }
  }

  async #readRelative(source: string, relativePath: string): Promise<string> {
    const location = parseLocationRef(source);
    if (location.type === 'url') {
      const url = new URL(relativePath, location.target);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new Error(`cannot read from a ${url.protocol} location`);
      }
      return readUrlBounded(this.deps.urlReader, url.toString(), {
        name: relativePath,
        maxBytes: this.#maxRunbookBytes,
      });
    }
    if (location.type !== 'file') {
      throw new Error(`cannot read from a ${location.type} location`);
    }
    return readFileInsideRoots(
      path.resolve(path.dirname(location.target), relativePath),
      {
        roots: this.#fileRoots,
        maxBytes: this.#maxRunbookBytes,
        name: relativePath,
      },
    );
  }
}

function sourceOf(entity: Entity): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  return (
    annotations[ANNOTATION_LOCATION] ?? annotations[ANNOTATION_ORIGIN_LOCATION]
  );
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
