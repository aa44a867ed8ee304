import { availableParallelism } from 'node:os';
import { parentPort, threadId, Worker } from 'node:worker_threads';
import { ApiDefinitions, DefinitionAnalysis } from '../apis/ApiDefinitions';
import { DefinitionLimits, limitsKeyOf } from '../apis/DefinitionLimits';
import { builtInRules } from '../rules/builtInRules';
import { isOpenApiRule } from '../rules/defineOpenApiRule';

/** One distinct definition to analyse, under its `ApiDefinitions.analysisKey`. */
export interface DefinitionTask {
  key: string;
  apiType: string;
  definition: string;
}

/** The analysis of one task, and the thread that computed it. */
export interface AnalysedDefinition {
  key: string;
  analysis: DefinitionAnalysis;
  threadId: number;
}

/**
 * The built-in OpenAPI rules whose verdicts a worker computes, with their options: functions do
 * not cross threads, so a worker runs the rules it imports itself (built-in ones only).
 */
export interface BuiltInRuleOptions {
  ruleId: string;
  options: Record<string, unknown>;
}

interface BatchRequest {
  id: number;
  tasks: DefinitionTask[];
  limits: DefinitionLimits;
  rules: BuiltInRuleOptions[];
}

interface BatchResponse {
  id: number;
  threadId: number;
  analyses: Array<{ key: string; analysis: DefinitionAnalysis }>;
}

/** Room for the largest definition allowed by default (YAML costs ~100 times its size). */
const WORKER_HEAP_MB = 2048;

/** Few definitions per message: enough to amortise messaging, small enough to share work. */
const BATCH_SIZE = 8;

/**
 * The worker's bootstrap, evaluated as plain JavaScript so that it needs no build step. In the
 * repository this module is TypeScript (the backend, jest and the CLI all run the sources), so
 * the worker first installs Backstage's node transform, as `bin/mandate` does; a published
 * package runs its built JavaScript. Then it runs `runDefinitionWorker` from this very module.
 */
const WORKER_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.transform && !require.extensions['.ts']) require(workerData.transform);
require(workerData.entry).runDefinitionWorker();
`;

/** One worker thread and the batches it has been sent. */
class PoolWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<
    number,
    { resolve: (response: BatchResponse) => void; reject: (e: Error) => void }
  >();
  #exited = false;

  constructor() {
    const sources = __filename.endsWith('.ts');
    this.#worker = new Worker(WORKER_BOOTSTRAP, {
      eval: true,
      // A definition that exhausts a worker's heap stops that worker, not the backend.
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      workerData: {
        entry: __filename,
        transform: sources
          ? require.resolve('@backstage/cli/config/nodeTransform.cjs')
          : undefined,
      },
    });
    this.#worker.unref();
    this.#worker.on('message', (response: BatchResponse) => {
      const pending = this.#pending.get(response.id);
      this.#pending.delete(response.id);
      pending?.resolve(response);
    });
    const failAll = (e: Error) => {
      for (const pending of this.#pending.values()) pending.reject(e);
      this.#pending.clear();
    };
    this.#worker.on('error', failAll);
    this.#worker.on('exit', code => {
      this.#exited = true;
      failAll(new Error(`the worker thread exited with code ${code}`));
    });
  }

  run(request: BatchRequest): Promise<BatchResponse> {
    return new Promise((resolve, reject) => {
      if (this.#exited) {
        reject(new Error('the worker thread has exited'));
        return;
      }
      this.#pending.set(request.id, { resolve, reject });
      this.#worker.postMessage(request);
    });
  }

  async terminate(): Promise<void> {
    await this.#worker.terminate();
  }
}

/**
 * Parses and analyses API definitions in a small pool of worker threads, so that the backend
 * keeps serving requests while a full evaluation reads thousands of definitions: parsing is
 * the heavy, CPU-bound part of an evaluation. Workers start on first use and are unref'd, so
 * an idle pool never keeps the process alive. A worker that runs out of memory is replaced;
 * the definitions it was given are retried one by one, and the one that exhausts a worker on
 * its own counts as too complex (`error` for that API only). Any other failure of a worker
 * rejects the analysis.
 *
 * @public
 */
export class DefinitionAnalysisPool {
  readonly size: number;
  readonly #workers: Array<PoolWorker | undefined> = [];
  #nextBatch = 0;
  #closed = false;

  /** @param options.size - worker threads (default: 2, or 1 on a single CPU) */
  constructor(options?: { size?: number }) {
    this.size = Math.max(
      1,
      options?.size ?? Math.min(2, availableParallelism()),
    );
  }

  /**
   * Analyses the tasks within the limits: spec validity and, for OpenAPI documents, the verdicts
   * of the built-in OpenAPI `rules` with those options. Answers in the order of the tasks.
   */
  async analyse(
    tasks: readonly DefinitionTask[],
    limits: DefinitionLimits,
    rules: readonly BuiltInRuleOptions[],
  ): Promise<AnalysedDefinition[]> {
    if (this.#closed) throw new Error('The definition analysis pool is closed');
    const queue: DefinitionTask[][] = [];
    for (let i = 0; i < tasks.length; i += BATCH_SIZE) {
      queue.push(tasks.slice(i, i + BATCH_SIZE));
    }
    const done = new Map<string, AnalysedDefinition>();
    const lanes = Array.from(
      { length: Math.min(this.size, queue.length) },
      async (_, lane) => {
        for (let batch = queue.shift(); batch; batch = queue.shift()) {
          const request = {
            id: this.#nextBatch++,
            tasks: batch,
            limits,
            rules: [...rules],
          };
          try {
            const response = await this.#worker(lane).run(request);
            for (const { key, analysis } of response.analyses) {
              done.set(key, { key, analysis, threadId: response.threadId });
            }
          } catch (e) {
            this.#workers[lane] = undefined;
            // Only running out of memory is the definition's doing; anything else (a worker
            // that cannot start) fails the whole analysis, and callers fall back to the main thread.
            if (this.#closed || !isOutOfMemory(e)) throw e;
            if (batch.length > 1) {
              // Find the definition that stopped the worker: retry each on its own.
              queue.push(...batch.map(task => [task]));
            } else {
              done.set(batch[0].key, {
                key: batch[0].key,
                analysis: stoppedWorker(limits, e),
                threadId: -1,
              });
            }
          }
        }
      },
    );
    await Promise.all(lanes);
    return tasks.map(task => done.get(task.key)!);
  }

  /** Stops the workers; analyses under way fail. */
  async close(): Promise<void> {
    this.#closed = true;
    const workers = this.#workers.splice(0);
    await Promise.all(workers.map(worker => worker?.terminate()));
  }

  #worker(lane: number): PoolWorker {
    let worker = this.#workers[lane];
    if (!worker) {
      worker = new PoolWorker();
      this.#workers[lane] = worker;
    }
    return worker;
  }
}

/**
 * The body of a worker thread: analyses the batches it receives. One `ApiDefinitions` per set
 * of limits, without a cache to speak of: the main thread only sends what it has not analysed.
 *
 * @public
 */
export function runDefinitionWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('runDefinitionWorker runs in a worker thread');
  const openApiRules = new Map(
    builtInRules.filter(isOpenApiRule).map(rule => [rule.id, rule]),
  );
  const instances = new Map<string, ApiDefinitions>();
  port.on('message', (request: BatchRequest) => {
    const limitsKey = limitsKeyOf(request.limits);
    let definitions = instances.get(limitsKey);
    if (!definitions) {
      definitions = new ApiDefinitions({
        limits: request.limits,
        cacheSize: 1,
      });
      instances.set(limitsKey, definitions);
    }
    const checks = request.rules.flatMap(({ ruleId, options }) => {
      const rule = openApiRules.get(ruleId);
      return rule ? [{ check: rule, options }] : [];
    });
    const response: BatchResponse = {
      id: request.id,
      threadId,
      analyses: request.tasks.map(task => ({
        key: task.key,
        analysis: definitions!.analyse(task.apiType, task.definition, checks),
      })),
    };
    port.postMessage(response);
  });
}

function isOutOfMemory(e: unknown): boolean {
  return (e as { code?: string })?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

function stoppedWorker(
  limits: DefinitionLimits,
  e: unknown,
): DefinitionAnalysis {
  const overLimit = {
    status: 'error' as const,
    message: `definition too complex: analysing it stopped its worker thread (${
      (e as { code?: string })?.code ??
      (e as Error)?.message ??
      'unknown reason'
    }; limit mandate.limits.maxDefinitionWork = ${limits.maxDefinitionWork})`,
    evidence: [],
  };
  return { validity: overLimit, overLimit };
}
