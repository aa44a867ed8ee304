import { ApiDefinitions } from './ApiDefinitions';

const definitions = new ApiDefinitions();
const check = (type: string, definition: string) =>
  definitions.specValidityOf(type, definition);

describe('interface.spec-valid', () => {
  it('fails empty definitions and unknown types', () => {
    expect(check('openapi', '  \n ')).toMatchObject({
      status: 'fail',
      message: 'the definition is empty',
    });
    expect(check('soap', '<wsdl/>')).toMatchObject({
      status: 'fail',
      message: 'unknown API type "soap"',
    });
  });

  describe('openapi', () => {
    it('passes 3.x and 2.0 documents with an operation, types compared case-insensitively', () => {
      expect(
        check(
          'OpenAPI',
          `openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {/a: {get: {}}}`,
        ),
      ).toEqual({
        status: 'pass',
        message: 'OpenAPI 3.1.0 with 1 operation',
        evidence: [],
      });
      expect(
        check(
          'openapi',
          `{"swagger": "2.0", "paths": {"/a": {"get": {}, "post": {}}}}`,
        ).status,
      ).toBe('pass');
    });

    it('fails documents without operations (trace is one in 3.x only)', () => {
      expect(
        check('openapi', `openapi: 3.0.0\npaths: {/a: {summary: x, trace: {}}}`)
          .status,
      ).toBe('pass');
      expect(
        check('openapi', `swagger: '2.0'\npaths: {/a: {trace: {}}}`),
      ).toMatchObject({
        status: 'fail',
        message: 'the OpenAPI document has no operations',
      });
      expect(
        check(
          'openapi',
          `openapi: 3.0.0\npaths: {/a: {$ref: './paths/a.yaml'}}`,
        ).evidence,
      ).toEqual([
        'the OpenAPI document has no operations',
        '/a: unresolvable $ref "./paths/a.yaml"',
      ]);
    });

    it.each([
      [
        'an unquoted (numeric) openapi version',
        'openapi: 3.0\npaths: {/a: {get: {}}}',
      ],
      ['openapi 2.0', "openapi: '2.0'\npaths: {/a: {get: {}}}"],
      ['a numeric swagger version', 'swagger: 2.0\npaths: {/a: {get: {}}}'],
      ['neither key', 'info: {title: x}\npaths: {/a: {get: {}}}'],
      ['broken YAML', 'openapi: "3.0.0\npaths: [}'],
      ['a list', '- openapi: 3.0.0'],
    ])('fails %s', (_, definition) => {
      expect(check('openapi', definition).status).toBe('fail');
    });
  });

  describe('asyncapi', () => {
    it('passes a document with channels', () => {
      expect(
        check('asyncapi', `asyncapi: 2.6.0\nchannels: {user/signedup: {}}`)
          .status,
      ).toBe('pass');
    });
    it.each([
      ['no channels', 'asyncapi: 3.0.0\nchannels: {}'],
      ['channels that are not a mapping', 'asyncapi: 3.0.0\nchannels: [a]'],
      ['no asyncapi key', 'channels: {a: {}}'],
    ])('fails %s', (_, definition) =>
      expect(check('AsyncAPI', definition).status).toBe('fail'),
    );
  });

  describe('grpc', () => {
    it('passes protobuf with a (nested) service, without loading imports', () => {
      expect(
        check(
          'grpc',
          `syntax = "proto3";
import "google/protobuf/empty.proto";
package acme.pets.v1;
service Pets { rpc Ping (google.protobuf.Empty) returns (google.protobuf.Empty); }`,
        ).status,
      ).toBe('pass');
    });
    it('fails protobuf without a service, and invalid protobuf', () => {
      expect(
        check('grpc', 'syntax = "proto3";\nmessage Pet { string id = 1; }'),
      ).toMatchObject({
        status: 'fail',
        message: 'the protobuf definition declares no service',
      });
      expect(check('grpc', 'service {').status).toBe('fail');
    });
  });

  describe('graphql', () => {
    it.each([
      ['a Query type', 'type Query { pets: [String] }'],
      ['a Mutation type', 'type Mutation { addPet(name: String): String }'],
      ['a renamed root', 'schema { query: Root } type Root { pets: [String] }'],
      [
        'an extended root (federation)',
        'extend type Query @key(fields: "id") { pets: [String] }',
      ],
    ])('passes %s', (_, definition) =>
      expect(check('graphql', definition).status).toBe('pass'),
    );

    it.each([
      ['only other types', 'type Pet { id: ID! }'],
      [
        'a Query type the schema does not use',
        'schema { query: Root } type Query { a: String }',
      ],
      ['a query root that is not an object type', 'input Query { a: String }'],
      ['an executable document', 'query { pets }'],
      ['invalid SDL', 'type Query {'],
    ])('fails %s', (_, definition) =>
      expect(check('GraphQL', definition).status).toBe('fail'),
    );
  });
});
