/** The API types whose definitions are analysed ahead of the rules, in worker threads. */
export const ANALYSED_DEFINITION_TYPES: ReadonlySet<string> = new Set([
  'openapi',
  'asyncapi',
  'grpc',
  'graphql',
]);
