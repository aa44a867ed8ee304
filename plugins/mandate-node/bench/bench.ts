import { Report } from '@mandate-dev/plugin-mandate-common';
import { ApiDefinitions } from '../src/apis';
import { CatalogSnapshot, SnapshotInput } from '../src/catalog';
import { DEFAULT_MANDATE_CONFIG, MandateConfig } from '../src/config';
import { affectedEntities, evaluateCatalog } from '../src/engine';
import { replaceEvaluated } from '../src/testUtils/replaceEvaluated';
import { CHANGE_KINDS, changeOneEntity } from './changeOneEntity';
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

/**
 * What the backend does after one entity changed, minus the store: derive the snapshot, find
 * the affected services, evaluate those.
 */
function applyChange(
  previous: CatalogSnapshot,
  changed: SnapshotInput,
  changedRef: string,
  definitions: ApiDefinitions,
) {
  const next = previous.withChanges({ upsert: [changed] });
  const refs = affectedEntities(
    previous,
    next,
    [changedRef],
    config.serviceTypes,
  );
  const update = evaluateCatalog({
    snapshot: next,
    config,
    now,
    entityRefs: refs,
    apiDefinitions: definitions,
  });
  return [next, update, refs] as const;
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

  const random = seededRandom(99);
  const changes: {
    kind: string;
    ms: number;
    cpuMs: number;
    affected: number;
  }[] = [];
  let report: Report = cold;
  let previous = snapshot;
  const current = inputs.slice();
  for (let k = 0; k < 30; k++) {
    const kind = CHANGE_KINDS[k % CHANGE_KINDS.length];
    const { index, ref } = changeOneEntity(current, kind, random, k);
    const base = previous;
    const [[nextSnapshot, update, refs], ms] = time(() =>
      applyChange(base, current[index], ref, definitions),
    );
    changes.push({ kind, ms, cpuMs: lastCpuMs, affected: refs.length });
    // The store's part, not timed here (yarn bench:backend times it).
    report = replaceEvaluated(report, update, refs);
    previous = nextSnapshot;
  }
  const medianOf = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const changeLines = CHANGE_KINDS.map(kind => {
    const of = changes.filter(c => c.kind === kind);
    return `  one change: ${kind.padEnd(15)}${medianOf(of.map(c => c.ms))
      .toFixed(1)
      .padStart(7)} ms wall, ${medianOf(of.map(c => c.cpuMs)).toFixed(
      1,
    )} ms CPU  (median of ${of.length}; max ${Math.max(
      ...of.map(c => c.ms),
    ).toFixed(1)} ms; ${medianOf(
      of.map(c => c.affected),
    )} services re-evaluated, max ${Math.max(...of.map(c => c.affected))})`;
  });

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
      ...changeLines,
      `                        withChanges + affectedEntities + evaluateCatalog({ entityRefs }); incremental report == full report: ${consistent}`,
      `  peak RSS              ${rssMiB.toFixed(0).padStart(7)} MiB`,
      `  levels                ${JSON.stringify(levels)}`,
      '',
    ].join('\n'),
  );
}
