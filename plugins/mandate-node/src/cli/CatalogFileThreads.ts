import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';
import { readFilesBlockingInThisThread } from '../files';
import { CliError } from './CliError';
import {
  loadCatalogFile,
  LoadCatalogFileOptions,
  LoadedCatalogFile,
} from './loadCatalogFile';

interface LoadRequest {
  id: number;
  file: string;
  options: LoadCatalogFileOptions;
}

type LoadResponse =
  | { id: number; loaded: LoadedCatalogFile }
  | { id: number; cliError: string };

/**
 * The worker's bootstrap, plain JavaScript as DefinitionAnalysisPool's: in the repository the
 * sources are TypeScript, so it first installs Backstage's node transform, as `bin/mandate` does.
 */
const WORKER_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.transform && !require.extensions['.ts']) require(workerData.transform);
require(workerData.entry).runCatalogFileWorker();
`;

/**
 * {@link loadCatalogFile} in worker threads, one per core (two at most): reading, decoding and
 * parsing the files of a large catalog, resolving placeholders and reading runbooks, on both
 * cores, with the same code and the same checks (roots, limits) as on the main thread. Only
 * the entities and warnings come back: a spec file's parsed document never crosses threads.
 * A file whose worker fails is loaded on the main thread instead; the result is the same.
 */
export class CatalogFileThreads {
  readonly size: number;
  readonly #workers: Worker[] = [];
  readonly #pending = new Map<
    number,
    { resolve: (response: LoadResponse) => void; reject: (e: Error) => void }
  >();
  #next = 0;
  #failed = false;

  constructor(size = Math.min(2, availableParallelism())) {
    this.size = Math.max(1, size);
    const sources = __filename.endsWith('.ts');
    for (let i = 0; i < this.size; i++) {
      const worker = new Worker(WORKER_BOOTSTRAP, {
        eval: true,
        workerData: {
          entry: __filename,
          transform: sources
            ? require.resolve('@backstage/cli/config/nodeTransform.cjs')
            : undefined,
        },
      });
      worker.unref();
      worker.on('message', (responses: LoadResponse[]) => {
        for (const response of responses) {
          this.#pending.get(response.id)?.resolve(response);
          this.#pending.delete(response.id);
        }
      });
      const failAll = (e: Error) => {
        this.#failed = true;
        for (const pending of this.#pending.values()) pending.reject(e);
        this.#pending.clear();
      };
      worker.on('error', failAll);
      worker.on('exit', code =>
        failAll(new Error(`a catalog thread exited with code ${code}`)),
      );
      this.#workers.push(worker);
    }
  }

  /** What loadCatalogFile gives for this file (and throws: CliError with `onUnreadable: 'throw'`). */
  async load(
    file: string,
    options: LoadCatalogFileOptions,
  ): Promise<LoadedCatalogFile> {
    if (this.#failed) return loadCatalogFile(file, options);
    const id = this.#next++;
    let response: LoadResponse;
    try {
      response = await new Promise<LoadResponse>((resolve, reject) => {
        this.#pending.set(id, { resolve, reject });
        const request: LoadRequest = { id, file, options };
        this.#workers[id % this.#workers.length].postMessage(request);
      });
    } catch {
      return loadCatalogFile(file, options);
    }
    if ('cliError' in response) throw new CliError(response.cliError);
    return response.loaded;
  }

  async close(): Promise<void> {
    await Promise.all(
      this.#workers.splice(0).map(worker => worker.terminate()),
    );
  }
}

/**
 * The body of a catalog thread: loads the files it is sent, many at a time. Answers go back in
 * batches, once per turn of the event loop: most files (spec files) hold no entity, and one
 * message per file cost more than loading it.
 *
 * @public
 */
export function runCatalogFileWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('runCatalogFileWorker runs in a worker thread');
  // This thread only reads files: blocking calls cost a sixth of the asynchronous ones' CPU.
  readFilesBlockingInThisThread();
  let batch: LoadResponse[] = [];
  const answer = (response: LoadResponse) => {
    if (batch.length === 0) {
      setImmediate(() => {
        port.postMessage(batch);
        batch = [];
      });
    }
    batch.push(response);
  };
  port.on('message', async ({ id, file, options }: LoadRequest) => {
    let response: LoadResponse;
    try {
      response = { id, loaded: await loadCatalogFile(file, options) };
    } catch (e) {
      // Only CliError is expected (onUnreadable: 'throw'); anything else fails the thread's
      // answer, and the main thread loads the file itself.
      if (!(e instanceof CliError)) throw e;
      response = { id, cliError: e.message };
    }
    answer(response);
  });
}
