import path from 'node:path';
import { DefinitionAnalysis, definitionOf } from '../apis';
import { DEFAULT_FILE_LIMITS, DEFAULT_MANDATE_CONFIG } from '../config';
import { ANALYSED_DEFINITION_TYPES } from '../engine/analysedDefinitionTypes';
import { builtInOpenApiChecks } from '../engine/builtInOpenApiChecks';
import { builtInRuleOptions } from '../engine/builtInRuleOptions';
import { createApiDefinitions } from '../engine/createApiDefinitions';
import { operationIdsRule } from '../examples/operationIdsRule';
import { builtInRules } from '../rules/builtInRules';
import { CatalogFileThreads, KeyedAnalysis } from './CatalogFileThreads';
import { findYamlFiles } from './findYamlFiles';
import { loadCatalogFile } from './loadCatalogFile';

jest.setTimeout(60_000);

const repo = path.resolve(__dirname, '../../../..');

describe('CatalogFileThreads analysing definitions', () => {
  it('sends, once per definition, the analyses the main thread computes, with the files it loads', async () => {
    const config = DEFAULT_MANDATE_CONFIG;
    const checks = builtInOpenApiChecks(builtInRules, config);
    const onMain = createApiDefinitions(builtInRules, config);
    const { files, roots } = await findYamlFiles([path.join(repo, 'catalog')]);
    const options = { limits: DEFAULT_FILE_LIMITS, roots };
    const received: KeyedAnalysis[] = [];
    const threads = new CatalogFileThreads(2, {
      limits: onMain.limits,
      rules: builtInRuleOptions(checks)!,
      onAnalysis: analyses => received.push(...analyses),
    });
    let inThreads;
    try {
      inThreads = await Promise.all(
        files.map(file => threads.load(file, options)),
      );
    } finally {
      await threads.close();
    }
    const loaded = await Promise.all(
      files.map(file => loadCatalogFile(file, options)),
    );
    // Loading itself is unchanged: the analyses come beside the entities.
    expect(inThreads).toEqual(loaded);

    const expected = new Map<string, DefinitionAnalysis>();
    for (const input of loaded.flatMap(file => file.inputs)) {
      const type = String(input.entity.spec?.type ?? '').toLowerCase();
      if (input.entity.kind !== 'API' || !ANALYSED_DEFINITION_TYPES.has(type))
        continue;
      const definition = definitionOf(input);
      if (input.definitionReadError || definition.trim() === '') continue;
      expected.set(
        onMain.analysisKey(type, definition),
        onMain.analyse(type, definition),
      );
    }
    expect(expected.size).toBeGreaterThan(3);
    const keys = received.map(r => r.key);
    // Each thread sends a definition once; both threads may meet the same one.
    expect(new Set(keys)).toEqual(new Set(expected.keys()));
    expect(keys.length).toBeLessThanOrEqual(2 * expected.size);
    for (const { key, analysis } of received) {
      expect(plain(analysis)).toEqual(plain(expected.get(key)!));
    }
    // Every OpenAPI document comes with the verdicts of all the built-in checks.
    const documents = received.filter(
      r => r.key.startsWith('openapi:') && !r.analysis.notOpenApi,
    );
    expect(documents.length).toBeGreaterThan(0);
    expect(documents.map(r => plain(r.analysis).verdicts?.length)).toEqual(
      documents.map(() => checks.length),
    );
  });

  it('cannot describe a custom OpenAPI rule to a thread', () => {
    const config = DEFAULT_MANDATE_CONFIG;
    const checks = builtInOpenApiChecks(builtInRules, config);
    expect(builtInRuleOptions(checks)).toHaveLength(checks.length);
    expect(
      builtInRuleOptions([...checks, { check: operationIdsRule, options: {} }]),
    ).toBeUndefined();
  });
});

/** Verdicts as entries: a Map from a worker thread is not of the test's realm. */
function plain(analysis: DefinitionAnalysis) {
  return {
    ...analysis,
    verdicts: analysis.verdicts && Array.from(analysis.verdicts.entries()),
  };
}
