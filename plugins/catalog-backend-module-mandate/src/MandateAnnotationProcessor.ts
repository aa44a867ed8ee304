import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorCache,
  CatalogProcessorEmit,
  LocationSpec,
} from '@backstage/plugin-catalog-node';
import { findAnnotationProblems } from './annotations';
import { withProcessingErrors } from './withProcessingErrors';

/** Options of {@link MandateAnnotationProcessor}. @public */
export interface MandateAnnotationProcessorOptions {
  logger: LoggerService;
  /** Most `mandate.dev/key-metrics` allowed; undefined for no bound (rule disabled). */
  maxMetrics: number | undefined;
}

const PROBLEMS_CACHE_KEY = 'problems';

/**
 * Validates the `mandate.dev/` annotations of every entity and reports each problem as a
 * processing error on that entity, without rejecting it (see `withProcessingErrors` for why
 * this is a status item and not an emitted `inputError`).
 *
 * It runs in `postProcessEntity`: after placeholders are resolved and the entity has passed the
 * catalog's own validation, so only entities that will be stored are checked, and a `status`
 * added here is not fed back into envelope validation.
 *
 * @public
 */
export class MandateAnnotationProcessor implements CatalogProcessor {
  private readonly logger: LoggerService;
  private readonly maxMetrics: number | undefined;

  constructor(options: MandateAnnotationProcessorOptions) {
    this.logger = options.logger;
    this.maxMetrics = options.maxMetrics;
  }

  getProcessorName(): string {
    return 'MandateAnnotationProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    _emit: CatalogProcessorEmit,
    cache: CatalogProcessorCache,
  ): Promise<Entity> {
    const problems = findAnnotationProblems(entity, {
      maxMetrics: this.maxMetrics,
    });
    await this.logWhenChanged(problems, cache);
    return withProcessingErrors(entity, problems);
  }

  /**
   * The catalog reprocesses every entity every few minutes; logging on each pass would bury the
   * log, so a problem is logged when it appears, using the per-entity processor cache.
   */
  private async logWhenChanged(
    problems: string[],
    cache: CatalogProcessorCache,
  ): Promise<void> {
    const previous = (await cache.get<string[]>(PROBLEMS_CACHE_KEY)) ?? [];
    for (const problem of problems) {
      if (!previous.includes(problem)) this.logger.warn(problem);
    }
    if (
      problems.length !== previous.length ||
      problems.some(problem => !previous.includes(problem))
    ) {
      await cache.set(PROBLEMS_CACHE_KEY, problems);
    }
  }
}
