import fs from 'node:fs';
import path from 'node:path';
import { Report, RuleFix } from '@mandate-dev/plugin-mandate-common';
import { CatalogSnapshot, SnapshotInput } from './catalog';
import { loadCatalogFiles } from './cli/loadCatalogFiles';
import { readConfigFiles } from './cli/readConfigFiles';
import { MandateConfig, readMandateConfig } from './config';
import { evaluateCatalog } from './engine';
import { builtInRules } from './rules/builtInRules';
import { valueAt } from './apis';
import { applyFix, snippetDocuments } from './testUtils/applyFix';
import { parse } from 'yaml';

const repo = path.resolve(__dirname, '../../..');
const now = new Date('2026-11-26T10:00:00Z');

/** The rules read from API definitions: their fixes edit the definition, their locations point into it. */
const API_RULE = /^(api\.|interface\.spec-valid$)/;

const REF = /\b[a-z]+:[a-z0-9][a-z0-9_.-]*\/[a-z0-9][a-z0-9_.-]*[a-z0-9_-]/g;

/** Whether a YAML line starts the mapping entry `key` (plain or quoted). */
function isKeyLine(line: string, key: string): boolean {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s*(- )?(["']?)${escaped}\\2\\s*:`).test(line);
}

interface Failure {
  service: string;
  ruleId: string;
  fix: RuleFix;
  evidence: string[];
}

/**
 * The fixes of the demo catalog are what its owners would apply: they name what exists, and
 * applied to the entity they edit, they make the rule pass.
 */
describe('the fixes of the demo catalog', () => {
  let inputs: SnapshotInput[];
  let snapshot: CatalogSnapshot;
  let config: MandateConfig;
  let report: Report;
  let failures: Failure[];
  beforeAll(async () => {
    inputs = (await loadCatalogFiles([path.join(repo, 'catalog')])).inputs;
    config = readMandateConfig(
      readConfigFiles([path.join(repo, 'app-config.yaml')]),
      builtInRules,
    );
    snapshot = new CatalogSnapshot(inputs);
    report = evaluateCatalog({ snapshot, config, now });
    failures = report.entities.flatMap(entity =>
      entity.results.flatMap(result =>
        result.fix
          ? [
              {
                service: entity.entityRef,
                ruleId: result.ruleId,
                fix: result.fix,
                evidence: result.evidence ?? [],
              },
            ]
          : [],
      ),
    );
  });

  it('gives a fix to every failing result', () => {
    const missing = report.entities.flatMap(entity =>
      entity.results
        .filter(r => (r.status === 'fail' || r.status === 'error') && !r.fix)
        .map(r => `${entity.entityRef} ${r.ruleId}`),
    );
    expect(missing).toEqual([]);
    expect(failures.length).toBeGreaterThanOrEqual(30);
  });

  it('edits the definition of the failing API for the API rules, and points at its failing operations', () => {
    const apiFailures = report.entities.flatMap(entity =>
      entity.results
        .filter(
          r =>
            (r.status === 'fail' || r.status === 'error') &&
            API_RULE.test(r.ruleId),
        )
        .map(r => ({ service: entity.entityRef, result: r })),
    );
    expect(apiFailures.length).toBeGreaterThanOrEqual(13);
    const problems: string[] = [];
    for (const { service, result } of apiFailures) {
      const where = `${service} ${result.ruleId}`;
      const api = snapshot.get(result.fix!.entityRef!);
      if (api?.kind !== 'api') problems.push(`${where}: edits ${api?.ref}`);
      if (result.fix!.target !== 'definition')
        problems.push(`${where}: target ${result.fix!.target}`);
      if (!result.locations?.length) problems.push(`${where}: no locations`);
      for (const { file, line, pointer, entityRef } of result.locations ?? []) {
        if (entityRef !== api?.ref) problems.push(`${where}: ${entityRef}`);
        // The file is the definition's; the pointer is in it, and the line is its key's.
        const text = fs.readFileSync(path.resolve(file!), 'utf8');
        const tokens = pointer!
          .split('/')
          .slice(1)
          .map(t => t.replace(/~1/g, '/').replace(/~0/g, '~'));
        if (valueAt(parse(text), tokens) === undefined)
          problems.push(`${where}: ${pointer} is not in ${file}`);
        const key = tokens.length > 0 ? tokens[tokens.length - 1] : undefined;
        const lineText = text.split('\n')[line! - 1] ?? '';
        if (key !== undefined && !isKeyLine(lineText, key))
          problems.push(`${where}: ${file}:${line} is not ${pointer}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('names only entities of the catalog, those the snippet declares, or the missing ones it drops', () => {
    const unknown: string[] = [];
    for (const { service, ruleId, fix, evidence } of failures) {
      const declared = new Set(
        snippetDocuments(fix).flatMap(doc => {
          const { kind, metadata } = (doc ?? {}) as {
            kind?: string;
            metadata?: { name?: string; namespace?: string };
          };
          return kind && metadata?.name
            ? [
                `${kind}:${metadata.namespace ?? 'default'}/${
                  metadata.name
                }`.toLowerCase(),
              ]
            : [];
        }),
      );
      const named = [
        ...(fix.entityRef ? [fix.entityRef] : []),
        ...`${fix.text}\n${fix.snippet}`.matchAll(REF),
      ].map(match => String(match));
      for (const ref of named) {
        // A ref the evidence reports (e.g. "does not exist") is what the fix removes.
        if (declared.has(ref) || evidence.some(e => e.includes(ref))) continue;
        if (!snapshot.get(ref)) unknown.push(`${service} ${ruleId}: ${ref}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('proposes only approved platform templates to a service', () => {
    const proposed = failures.flatMap(({ fix }) =>
      snippetDocuments(fix).flatMap(doc => {
        const template = (doc as any)?.metadata?.annotations?.[
          'mandate.dev/platform-template'
        ];
        return template === undefined ? [] : [template];
      }),
    );
    expect(proposed.length).toBeGreaterThan(0);
    for (const template of proposed)
      expect(config.platformTemplates).toContain(template);
  });

  it('makes the rule pass for that service when the mechanical fix is applied', () => {
    const mechanical = failures.filter(f => !f.fix.decision);
    expect(mechanical.length).toBeGreaterThanOrEqual(21);
    const verdicts = mechanical.map(({ service, ruleId, fix }) => {
      const fixed = evaluateCatalog({
        snapshot: new CatalogSnapshot(applyFix(inputs, fix, service)),
        config,
        now,
        entityRefs: [service],
      });
      const status = fixed.entities[0].results.find(
        r => r.ruleId === ruleId,
      )!.status;
      return `${service} ${ruleId}: ${status}`;
    });
    expect(verdicts).toEqual(
      mechanical.map(({ service, ruleId }) => `${service} ${ruleId}: pass`),
    );
  });

  it('leaves to the owners the fixes that are decisions', () => {
    // Splitting a team, turning a call around, raising a tier or a target, approving a
    // template, moving data between clusters, designing an API (writing the notifications
    // document, changing the shipping response that clients read): someone has to choose.
    expect(
      failures
        .filter(f => f.fix.decision)
        .map(f => `${f.ruleId} ${f.service}`)
        .sort(),
    ).toEqual([
      'api.error-schema component:default/notifications',
      'api.http-status-errors component:default/notifications',
      'api.http-status-errors component:default/shipping',
      'api.rate-limited component:default/notifications',
      'api.security component:default/notifications',
      'api.standard-headers component:default/notifications',
      'api.versioned component:default/notifications',
      'data.critical-isolation component:default/orders',
      'data.critical-isolation component:default/payments',
      'deps.no-cycles component:default/inventory',
      'deps.no-cycles component:default/pricing',
      'deps.no-tier-inversion component:default/checkout',
      'deps.no-tier-inversion component:default/storefront',
      'deps.sla-budget component:default/checkout',
      'deps.sla-budget component:default/inventory',
      'deps.sla-budget component:default/storefront',
      'interface.provides-api component:default/reporting',
      'interface.spec-valid component:default/notifications',
      'ops.dashboard component:default/reporting',
      'ops.tier-declared component:default/reporting',
      'ownership.two-pizza-team component:default/reporting',
      'platform.approved-template component:default/recommendations',
    ]);
  });
});
