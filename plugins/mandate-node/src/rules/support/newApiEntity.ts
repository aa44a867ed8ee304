/** A new API entity as its file would declare it, with its definition in a file next to it. */
export function newApiEntity(ref: string, owner: string | undefined) {
  const [, namespace, name] = /^api:([^/]+)\/(.+)$/.exec(ref)!;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name, ...(namespace === 'default' ? {} : { namespace }) },
    spec: {
      type: 'openapi',
      lifecycle: 'production',
      ...(owner ? { owner } : {}),
      definition: { $text: `./${name}.yaml` },
    },
  };
}
