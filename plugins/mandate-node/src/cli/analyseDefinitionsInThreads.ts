import { ApiDefinitions } from '../apis';
import { CatalogSnapshot } from '../catalog';
import { MandateConfig } from '../config';
import { analyseDefinitionsInPool, DefinitionAnalysisPool } from '../engine';

/** Below this many APIs, starting worker threads costs more than parsing on the main thread. */
const MIN_APIS_FOR_THREADS = 200;

/**
 * On a large catalog, parses and analyses the API definitions in worker threads (one per core,
 * two at most) before the evaluation, which then reads the verdicts `definitions` adopted: the
 * same verdicts, computed by the same code, on both cores. A pool that cannot start leaves the
 * analysis to the main thread, as without threads.
 */
export async function analyseDefinitionsInThreads(options: {
  snapshot: CatalogSnapshot;
  config: MandateConfig;
  entityRefs?: string[];
  definitions: ApiDefinitions;
}): Promise<void> {
  const apis = options.snapshot.entities.filter(e => e.kind === 'api').length;
  if (apis < MIN_APIS_FOR_THREADS) return;
  const pool = new DefinitionAnalysisPool();
  try {
    await analyseDefinitionsInPool({ ...options, pool });
  } catch {
    // The rules analyse what is not cached themselves, on the main thread.
  } finally {
    await pool.close();
  }
}
