import { Entity } from '@backstage/catalog-model';
import { Report } from '@internal/plugin-mandate-common';
import { ApiDefinitions } from '../src/apis';
import { CatalogSnapshot, SnapshotInput } from '../src/catalog';
import { DEFAULT_MANDATE_CONFIG, MandateConfig } from '../src/config';
import { evaluateCatalog, updateReport } from '../src/engine';
import {
  generateSyntheticCatalog,
  seededRandom,
} from './generateSyntheticCatalog';
import { toYamlDefinitions } from './toYamlDefinitions';

const now = new Date('2026-11-26T10:00:00Z');
const config: MandateConfig = {
  ...DEFAULT_MANDATE_CONFIG,
  platformTemplates: ['node-22', 'jvm-21', 'go-1.23'],
};

let lastCpuMs = 0;

/**
 * Wall-clock milliseconds of `run`; the process CPU time (all threads, GC included) is kept in
 * `lastCpuMs`, which is the steadier figure on a machine shared with other work.
 */
function time<T>(run: () => T): [T, number] {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = run();
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  lastCpuMs = (used.user + used.system) / 1000;
  return [result, wall];
}

/** Changes one service the way an edit in the portal would: a new entity object for it. */
function changeOneService(input: SnapshotInput): [SnapshotInput, string] {
  const entity: Entity = structuredClone(input.entity);
  entity.metadata.annotations!['mandate.dev/slo'] = '95';
  entity.metadata.annotations!['mandate.dev/tier'] = 'low';
  return [{ ...input, entity }, `component:default/${entity.metadata.name}`];
}

/** What the backend does after one entity changed: derive the snapshot, update the report. */
function applyChange(
  previous: CatalogSnapshot,
  report: Report,
  changed: SnapshotInput,
  changedRef: string,
  definitions: ApiDefinitions,
) {
  const next = previous.withChanges({ upsert: [changed] });
  const update = updateReport({
    previousSnapshot: previous,
    previousReport: report,
    snapshot: next,
    changedRefs: [changedRef],
    config,
    now,
    apiDefinitions: definitions,
  });
  const { local, upstream } = update.evaluated;
  return [next, update.report, local.length, upstream.length] as const;
}

/** Runs the benchmark for one catalog size and prints one line of figures. */
export function runBench(services: number): void {
  const [inputs, generateMs] = time(() =>
    toYamlDefinitions(generateSyntheticCatalog({ services, seed: 7 })),
  );
  const definitions = new ApiDefinitions();

  const [[snapshot, cold], coldMs] = time(() => {
    const s = new CatalogSnapshot(inputs);
    return [
      s,
      evaluateCatalog({
        snapshot: s,
        config,
        now,
        apiDefinitions: definitions,
      }),
    ] as const;
  });
  const coldCpuMs = lastCpuMs;
  const [, warmMs] = time(() =>
    evaluateCatalog({ snapshot, config, now, apiDefinitions: definitions }),
  );
  const warmCpuMs = lastCpuMs;

  const serviceIndexes = inputs
    .map((input, i) =>
      input.entity.kind === 'Component' &&
      (input.entity.spec as any).type === 'service'
        ? i
        : -1,
    )
    .filter(i => i >= 0);
  const random = seededRandom(99);
  const changes: {
    ms: number;
    cpuMs: number;
    local: number;
    upstream: number;
  }[] = [];
  let report: Report = cold;
  let previous = snapshot;
  const current = inputs.slice();
  for (let k = 0; k < 20; k++) {
    const index = serviceIndexes[Math.floor(random() * serviceIndexes.length)];
    const [changed, changedRef] = changeOneService(current[index]);
    current[index] = changed;
    const base = previous;
    const baseReport = report;
    const [[nextSnapshot, merged, local, upstream], ms] = time(() =>
      applyChange(base, baseReport, changed, changedRef, definitions),
    );

    changes.push({ ms, cpuMs: lastCpuMs, local, upstream });
    report = merged;
    previous = nextSnapshot;
  }
  const sorted = changes.map(c => c.ms).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const cpuSorted = changes.map(c => c.cpuMs).sort((a, b) => a - b);
  const medianOf = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const locals = changes.map(c => c.local);
  const upstreams = changes.map(c => c.upstream);

  // Check the incremental result against a full evaluation of the final catalog, from scratch.
  const full = evaluateCatalog({
    snapshot: new CatalogSnapshot(current),
    config,
    now,
    apiDefinitions: definitions,
  });
  const consistent = JSON.stringify(full) === JSON.stringify(report);

  const rssMiB = process.resourceUsage().maxRSS / 1024;
  const levels = cold.entities.reduce<Record<string, number>>(
    (acc, e) => ({ ...acc, [e.level]: (acc[e.level] ?? 0) + 1 }),
    {},
  );
  process.stdout.write(
    [
      `services=${services} entities=${
        snapshot.size
      } (generated in ${generateMs.toFixed(0)} ms)`,
      `  cold evaluation       ${coldMs
        .toFixed(0)
        .padStart(7)} ms wall, ${coldCpuMs.toFixed(0)} ms CPU  (${(
        coldMs / services
      ).toFixed(3)} ms/service; snapshot + graph + API analysis + rules)`,
      `  warm evaluation       ${warmMs
        .toFixed(0)
        .padStart(7)} ms wall, ${warmCpuMs.toFixed(0)} ms CPU  (${(
        warmMs / services
      ).toFixed(3)} ms/service; same snapshot and ApiDefinitions)`,
      `  one service changed   ${median
        .toFixed(1)
        .padStart(7)} ms wall, ${cpuSorted[
        Math.floor(cpuSorted.length / 2)
      ].toFixed(1)} ms CPU  (median of 20; max ${sorted[
        sorted.length - 1
      ].toFixed(1)} ms; withChanges + updateReport)`,
      `                        re-evaluated per change: ${medianOf(
        locals,
      )} services fully + ${medianOf(
        upstreams,
      )} upstream with graph rules only (medians; max ${Math.max(
        ...locals,
      )} + ${Math.max(
        ...upstreams,
      )}); incremental report == full report: ${consistent}`,
      `  peak RSS              ${rssMiB.toFixed(0).padStart(7)} MiB`,
      `  levels                ${JSON.stringify(levels)}`,
      '',
    ].join('\n'),
  );
}
