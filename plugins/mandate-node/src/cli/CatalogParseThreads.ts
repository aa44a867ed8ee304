import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';
import { isEntity } from './isEntity';
import {
  parseCatalogDocuments,
  ParsedCatalogDocuments,
} from './parseCatalogDocuments';

interface ParseRequest {
  id: number;
  text: string;
  display: string;
}

interface ParseResponse {
  id: number;
  parsed: ParsedCatalogDocuments;
}

/**
 * The worker's bootstrap, plain JavaScript as DefinitionAnalysisPool's: in the repository the
 * sources are TypeScript, so it first installs Backstage's node transform, as `bin/mandate` does.
 */
const WORKER_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.transform && !require.extensions['.ts']) require(workerData.transform);
require(workerData.entry).runCatalogParseWorker();
`;

/**
 * {@link parseCatalogDocuments} in worker threads, one per core (two at most), so that a large
 * catalog is parsed on both cores while the main thread reads files and resolves
 * placeholders. Workers send back only the entity documents: a spec file's document never
 * crosses threads. A worker that fails leaves its files to the main thread; the result is the
 * same either way. Workers are unref'd: an idle pool never keeps the process alive.
 */
export class CatalogParseThreads {
  readonly #workers: Worker[] = [];
  readonly #pending = new Map<
    number,
    {
      resolve: (parsed: ParsedCatalogDocuments) => void;
      reject: (e: Error) => void;
    }
  >();
  #next = 0;

  constructor(size = Math.min(2, availableParallelism())) {
    const sources = __filename.endsWith('.ts');
    for (let i = 0; i < size; i++) {
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
      worker.on('message', (response: ParseResponse) => {
        this.#pending.get(response.id)?.resolve(response.parsed);
        this.#pending.delete(response.id);
      });
      const failAll = (e: Error) => {
        for (const pending of this.#pending.values()) pending.reject(e);
        this.#pending.clear();
      };
      worker.on('error', failAll);
      worker.on('exit', code =>
        failAll(new Error(`a catalog parse thread exited with code ${code}`)),
      );
      this.#workers.push(worker);
    }
  }

  /** The entity documents of one file and its warnings, as parseCatalogDocuments gives them. */
  async parse(text: string, display: string): Promise<ParsedCatalogDocuments> {
    const id = this.#next++;
    try {
      return await new Promise((resolve, reject) => {
        this.#pending.set(id, { resolve, reject });
        const request: ParseRequest = { id, text, display };
        this.#workers[id % this.#workers.length].postMessage(request);
      });
    } catch {
      return entitiesOf(parseCatalogDocuments(text, display));
    }
  }

  async close(): Promise<void> {
    await Promise.all(
      this.#workers.splice(0).map(worker => worker.terminate()),
    );
  }
}

/** Only the entity documents: the others are skipped anyway. */
export function entitiesOf(
  parsed: ParsedCatalogDocuments,
): ParsedCatalogDocuments {
  return { ...parsed, documents: parsed.documents.filter(isEntity) };
}

/** The body of a parse thread. */
export function runCatalogParseWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('runCatalogParseWorker runs in a worker thread');
  port.on('message', ({ id, text, display }: ParseRequest) => {
    const response: ParseResponse = {
      id,
      parsed: entitiesOf(parseCatalogDocuments(text, display)),
    };
    port.postMessage(response);
  });
}
