import fs from 'fs';
import http from 'http';
import https from 'https';
import net from 'net';
import { optionDefaults } from '../config/RuleOptionSchema';
import { builtInRules } from '../rules/builtInRules';
import { isOpenApiRule } from '../rules/defineOpenApiRule';
import { ApiDefinitions } from './ApiDefinitions';

const openApiRules = builtInRules.filter(isOpenApiRule);

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
    for (const rule of openApiRules) {
      new ApiDefinitions().openApiCheckOf(
        definition('#/nothing'),
        rule,
        optionDefaults(rule.options),
      );
    }
    new ApiDefinitions().specValidityOf('grpc', 'service S {}');
    new ApiDefinitions().specValidityOf('graphql', 'type Query { a: Int }');

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

    const definitions = new ApiDefinitions();
    for (const ref of [
      'http://evil.example/x.yaml#/Foo',
      './other.yaml#/Foo',
    ]) {
      const results = Object.fromEntries(
        openApiRules.map(rule => [
          rule.id,
          definitions.openApiCheckOf(
            definition(ref),
            rule,
            optionDefaults(rule.options),
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
      expect(
        definitions.specValidityOf('openapi', definition(ref)).status,
      ).toBe('pass');
    }
    expect(
      definitions.specValidityOf(
        'grpc',
        'syntax = "proto3"; import "/etc/passwd"; import public "http://evil.example/a.proto"; service S {}',
      ).status,
    ).toBe('pass');

    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
    }
  });
});
