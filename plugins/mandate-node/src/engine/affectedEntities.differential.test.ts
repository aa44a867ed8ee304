import { isDeepStrictEqual } from 'node:util';
import { EntityReport, Report } from '@mandate-dev/plugin-mandate-common';
import { CatalogSnapshot } from '../catalog';
import { DEFAULT_MANDATE_CONFIG, MandateConfig } from '../config';
import { RandomCatalog } from '../testUtils/RandomCatalog';
import { replaceEvaluated } from '../testUtils/replaceEvaluated';
import { affectedEntities } from './affectedEntities';
import { evaluateCatalog } from './evaluateCatalog';

const now = new Date('2026-11-26T10:00:00Z');
const CATALOGS = 50;
const STEPS = 20;

function configFor(seed: number): MandateConfig {
  return {
    ...DEFAULT_MANDATE_CONFIG,
    // Every other catalog also scores workers: a type change then moves a node in or out.
    serviceTypes: seed % 2 ? ['service', 'worker'] : ['service'],
    platformTemplates: ['node-22'],
  };
}

/** The first entity that differs, for a failure message a person can act on. */
function firstDifference(actual: Report, expected: Report): string {
  const byRef = (report: Report) =>
    new Map(report.entities.map(e => [e.entityRef, e]));
  const got = byRef(actual);
  const want = byRef(expected);
  for (const ref of new Set([...got.keys(), ...want.keys()])) {
    const [a, b] = [got.get(ref), want.get(ref)];
    if (isDeepStrictEqual(a, b)) continue;
    const results = (e?: EntityReport) =>
      JSON.stringify(
        e?.results.filter(
          r =>
            !isDeepStrictEqual(
              r,
              (e === a ? b : a)?.results.find(o => o.ruleId === r.ruleId),
            ),
        ),
      );
    return `${ref}: incremental ${a ? results(a) : 'missing'}, full ${
      b ? results(b) : 'missing'
    }`;
  }
  return 'entity order differs';
}

describe('affectedEntities, differential', () => {
  it('re-evaluating the affected services gives the full report after random changes', () => {
    let steps = 0;
    let reEvaluated = 0;
    let services = 0;
    for (let seed = 1; seed <= CATALOGS; seed++) {
      const config = configFor(seed);
      const catalog = new RandomCatalog(seed);
      let snapshot = new CatalogSnapshot(catalog.inputs());
      let report = evaluateCatalog({ snapshot, config, now });
      const log: string[] = [];
      for (let step = 1; step <= STEPS; step++) {
        const changed = catalog.mutate();
        log.push(catalog.lastChange.join(', '));
        // The path the backend runs: derive the snapshot, re-evaluate, store over the old results.
        const next = snapshot.withChanges({
          upsert: changed.flatMap(ref => catalog.get(ref) ?? []),
          remove: changed.filter(ref => !catalog.get(ref)),
        });
        const refs = affectedEntities(
          snapshot,
          next,
          changed,
          config.serviceTypes,
        );
        report = replaceEvaluated(
          report,
          evaluateCatalog({ snapshot: next, config, now, entityRefs: refs }),
          refs,
        );
        const full = evaluateCatalog({
          snapshot: new CatalogSnapshot(catalog.inputs()),
          config,
          now,
        });
        if (!isDeepStrictEqual(report, full)) {
          throw new Error(
            `seed ${seed}, step ${step}: ${firstDifference(
              report,
              full,
            )}\nchanges:\n${log
              .map((line, i) => `  ${i + 1}. ${line}`)
              .join('\n')}\nre-evaluated: ${refs.join(', ')}`,
          );
        }
        snapshot = next;
        steps++;
        reEvaluated += refs.length;
        services += full.entities.length;
      }
    }
    expect(steps).toBe(CATALOGS * STEPS);
    // It is incremental: far fewer services re-evaluated than a full evaluation would.
    expect(reEvaluated).toBeLessThan(services * 0.6);
  });
});
