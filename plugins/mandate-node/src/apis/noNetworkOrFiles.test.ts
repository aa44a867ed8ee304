import fs from 'fs';
import http from 'http';
import https from 'https';
import net from 'net';
import { ApiDefinitionAnalyzer } from './ApiDefinitionAnalyzer';
import { API_RULE_IDS, DEFAULT_OPENAPI_RULE_OPTIONS } from './openApiRules';

// Evaluating a definition must never leave the process: a definition is untrusted input, and
// following its $refs would let it probe internal hosts or read local files.
const definition = (ref: string) => `
openapi: 3.0.3
info: { title: evil, version: 1.0.0 }
paths:
  /remote-path: { $ref: '${ref}' }
  /x:
    parameters: [ { $ref: '${ref}' } ]
    get:
      responses:
        '200':
          description: ok
          content: { application/json: { schema: { $ref: '${ref}' } } }
        '404': { $ref: '${ref}' }
        default:
          description: error
          content: { application/json: { schema: { allOf: [ { $ref: '${ref}' } ] } } }
`;

describe('evaluating definitions', () => {
  afterEach(() => jest.restoreAllMocks());

  it('never touches the network or the file system, and reports unresolvable $refs', () => {
    // Warm up first, so that lazily loaded modules are not mistaken for the analyzer reading files.
    new ApiDefinitionAnalyzer().checkOpenApiRule(
      'api.http-status-errors',
      definition('#/nothing'),
      DEFAULT_OPENAPI_RULE_OPTIONS,
    );
    new ApiDefinitionAnalyzer().checkSpecValid('grpc', 'service S {}');
    new ApiDefinitionAnalyzer().checkSpecValid(
      'graphql',
      'type Query { a: Int }',
    );

    const spies = [
      jest.spyOn(http, 'request'),
      jest.spyOn(http, 'get'),
      jest.spyOn(https, 'request'),
      jest.spyOn(https, 'get'),
      jest.spyOn(net, 'connect'),
      jest.spyOn(net, 'createConnection'),
      jest.spyOn(globalThis, 'fetch'),
      jest.spyOn(fs, 'readFile'),
      jest.spyOn(fs, 'readFileSync'),
      jest.spyOn(fs, 'open'),
      jest.spyOn(fs, 'openSync'),
      jest.spyOn(fs, 'existsSync'),
      jest.spyOn(fs.promises, 'readFile'),
      jest.spyOn(fs.promises, 'open'),
    ];

    const analyzer = new ApiDefinitionAnalyzer();
    for (const ref of [
      'http://evil.example/x.yaml#/Foo',
      './other.yaml#/Foo',
    ]) {
      const results = Object.fromEntries(
        API_RULE_IDS.map(ruleId => [
          ruleId,
          analyzer.checkOpenApiRule(
            ruleId,
            definition(ref),
            DEFAULT_OPENAPI_RULE_OPTIONS,
          ),
        ]),
      );
      const unresolvable = `unresolvable $ref "${ref}"`;
      expect(results['api.http-status-errors'].evidence).toEqual([
        `/remote-path: ${unresolvable}`,
        `GET /x: ${unresolvable}`,
      ]);
      expect(results['api.error-schema'].evidence).toContain(
        `GET /x: ${unresolvable}`,
      );
      expect(results['api.standard-headers'].evidence).toContain(
        `GET /x: ${unresolvable}`,
      );
      expect(analyzer.checkSpecValid('openapi', definition(ref)).status).toBe(
        'pass',
      );
    }
    expect(
      analyzer.checkSpecValid(
        'grpc',
        'syntax = "proto3"; import "/etc/passwd"; import public "http://evil.example/a.proto"; service S {}',
      ).status,
    ).toBe('pass');

    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
    }
  });
});
