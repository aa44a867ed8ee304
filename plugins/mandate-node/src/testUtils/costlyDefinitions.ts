/** Small definitions that are costly to evaluate naively, for the limit and complexity tests. */

/**
 * An OpenAPI document whose 200 body is `levels` levels of `allOf` diamonds: S(i) is the
 * allOf of L(i) and R(i), both of which are the allOf of S(i+1); the last level has a boolean
 * `ok` property. A merge that concatenates lists doubles them at every level.
 */
export function allOfDiamond(levels: number): string {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < levels; i++) {
    schemas[`s${i}`] = { allOf: [ref(`l${i}`), ref(`r${i}`)] };
    schemas[`l${i}`] = { allOf: [ref(`s${i + 1}`)] };
    schemas[`r${i}`] = { allOf: [ref(`s${i + 1}`)] };
  }
  schemas[`s${levels}`] = {
    type: 'object',
    properties: { ok: { type: 'boolean' }, id: { type: 'string' } },
  };
  return JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'Diamond', version: '1.0.0' },
    paths: {
      '/d': {
        get: {
          responses: {
            '200': {
              description: 'ok',
              content: { 'application/json': { schema: ref('s0') } },
            },
            '500': { description: 'failed' },
          },
        },
      },
    },
    components: { schemas },
  });
}

/** YAML with `aliases` aliases inside one anchor: the yaml package revisits the document per alias. */
export function aliasesInsideAnchor(aliases: number): string {
  return `openapi: 3.0.3
info: {title: Aliases, version: 1.0.0}
x-leaf: &leaf {a: 1}
x-list: &list [${Array(aliases).fill('*leaf').join(', ')}]
x-use: *list
paths:
  /a: {get: {responses: {'200': {description: ok}}}}
x-filler:
${Array.from({ length: aliases }, (_, i) => `  k${i}: v`).join('\n')}
`;
}

/** YAML sharing one wide responses mapping between many operations: small text, huge tree. */
export function wideAliasExpansion(
  responses: number,
  operations: number,
): string {
  const codes = Array.from(
    { length: responses },
    (_, i) => `'${200 + i}': {description: r}`,
  );
  const paths = Array.from(
    { length: operations },
    (_, i) => `  /p${i}: {get: {responses: *responses}}`,
  );
  return `openapi: 3.0.3
info: {title: Wide, version: 1.0.0}
x-responses: &responses {${codes.join(', ')}}
paths:
${paths.join('\n')}
`;
}
