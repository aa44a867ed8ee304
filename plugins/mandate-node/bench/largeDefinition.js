#!/usr/bin/env node
/*
 * `node bench/largeDefinition.js [MiB] [maxDefinitionBytes]`: wall time and peak RSS of
 * analysing one large generated YAML OpenAPI definition (default 10 MiB) for
 * the spec-valid rule and the six api.* rules, in a fresh process. Not a test: figures are
 * printed. The second argument raises mandate.limits.maxDefinitionBytes to analyse it fully.
 */
require('@backstage/cli/config/nodeTransform.cjs');
const { ApiDefinitions, DEFAULT_DEFINITION_LIMITS } = require('../src/apis');
const { builtInRules, isOpenApiRule } = require('../src/rules');
const { optionDefaults } = require('../src/config/RuleOptionSchema');

function generate(bytes) {
  const lines = [
    'openapi: 3.0.3',
    'info: {title: Large, version: 1.0.0}',
    'components:',
    '  schemas:',
    '    Problem: {type: object, properties: {title: {type: string}, status: {type: integer}}}',
    'paths:',
  ];
  let size = lines.join('\n').length;
  for (let i = 0; size < bytes; i++) {
    const op = [
      `  /resources${i}/{id}:`,
      '    get:',
      `      operationId: getResource${i}`,
      '      parameters:',
      '        - {name: id, in: path, required: true, schema: {type: string}}',
      '        - {name: X-Request-ID, in: header, schema: {type: string}}',
      '      responses:',
      "        '200':",
      '          description: ok',
      '          content:',
      '            application/json:',
      '              schema:',
      '                type: object',
      '                properties:',
      '                  id: {type: string}',
      '                  name: {type: string}',
      '                  createdAt: {type: string, format: date-time}',
      "        '404': {description: missing, content: {application/problem+json: {schema: {$ref: '#/components/schemas/Problem'}}}}",
    ];
    lines.push(...op);
    size += op.join('\n').length + op.length;
  }
  return `${lines.join('\n')}\n`;
}

const mib = Number(process.argv[2] ?? 10);
const maxBytes = process.argv[3] ? Number(process.argv[3]) : undefined;
const definition = generate(mib * 1024 * 1024);
const rssBefore = process.resourceUsage().maxRSS;
const definitions = new ApiDefinitions({
  limits: maxBytes
    ? { ...(DEFAULT_DEFINITION_LIMITS ?? {}), maxDefinitionBytes: maxBytes }
    : undefined,
});
const start = process.hrtime.bigint();
const statuses = [definitions.specValidityOf('openapi', definition).status];
for (const rule of builtInRules.filter(isOpenApiRule)) {
  statuses.push(
    definitions.openApiCheckOf(definition, rule, optionDefaults(rule.options))
      .status,
  );
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(
  JSON.stringify({
    bytes: Buffer.byteLength(definition),
    maxDefinitionBytes: maxBytes ?? 'default',
    wallMs: Math.round(ms),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    rssBeforeAnalysisMiB: Math.round(rssBefore / 1024),
    statuses,
  }),
);
