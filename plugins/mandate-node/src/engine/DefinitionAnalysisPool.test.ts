import { threadId } from 'node:worker_threads';
import { ApiDefinitions, DEFAULT_DEFINITION_LIMITS } from '../apis';
import { OpenApiDocument } from '../apis/OpenApiDocument';
import { optionDefaults } from '../config/RuleOptionSchema';
import { httpStatusErrorsRule } from '../rules/api/httpStatusErrors';
import { DefinitionAnalysisPool } from './DefinitionAnalysisPool';

const options = optionDefaults(httpStatusErrorsRule.options);

jest.setTimeout(60_000);

/** A YAML OpenAPI document that takes the YAML parser a noticeable while. */
function heavyDefinition(operations: number): string {
  let text = 'openapi: 3.0.0\ninfo: {title: heavy, version: 1.0.0}\npaths:\n';
  for (let i = 0; i < operations; i++) {
    text += `  /p${i}:\n    get:\n      responses:\n        '200':\n          description: ok\n        '500':\n          description: failed\n`;
  }
  return text;
}

describe('DefinitionAnalysisPool', () => {
  const pool = new DefinitionAnalysisPool({ size: 2 });
  afterAll(() => pool.close());

  it('analyses in worker threads, with the verdicts the analyzer computes itself', async () => {
    const definition = heavyDefinition(3000);
    const definitions = new ApiDefinitions();
    const key = definitions.analysisKey('openapi', definition);

    const order: string[] = [];
    const analysing = pool
      .analyse(
        [{ key, apiType: 'openapi', definition }],
        DEFAULT_DEFINITION_LIMITS,
        [{ ruleId: httpStatusErrorsRule.id, options }],
      )
      .then(result => {
        order.push('analysed');
        return result;
      });
    // Scheduled after the analysis started: runs first only if the main thread is free.
    setImmediate(() => order.push('main thread answered'));
    const [analysed] = await analysing;

    expect(order).toEqual(['main thread answered', 'analysed']);
    expect(analysed.key).toBe(key);
    expect(analysed.threadId).not.toBe(threadId);
    definitions.adoptAnalysis(key, analysed.analysis);
    const parse = jest.spyOn(OpenApiDocument, 'parse');
    expect(definitions.specValidityOf('openapi', definition)).toEqual({
      status: 'pass',
      message: 'OpenAPI 3.0.0 with 3000 operations',
      evidence: [],
    });
    const adopted = definitions.openApiCheckOf(
      definition,
      httpStatusErrorsRule,
      options,
    );
    // The adopted verdicts are read on the main thread without parsing.
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    expect(adopted).toEqual(
      new ApiDefinitions().openApiCheckOf(
        definition,
        httpStatusErrorsRule,
        options,
      ),
    );
  });

  it('spreads many definitions over the workers and keeps their order', async () => {
    const tasks = Array.from({ length: 20 }, (_, i) => ({
      key: `graphql:${i}`,
      apiType: 'graphql',
      definition: i % 2 ? `type Query { f${i}: Int }` : `type Other { f: Int }`,
    }));
    const analysed = await pool.analyse(tasks, DEFAULT_DEFINITION_LIMITS, []);
    expect(analysed.map(a => a.key)).toEqual(tasks.map(t => t.key));
    expect(analysed.map(a => a.analysis.validity.status)).toEqual(
      tasks.map((_, i) => (i % 2 ? 'pass' : 'fail')),
    );
    expect(new Set(analysed.map(a => a.threadId)).size).toBe(2);
  });
});
