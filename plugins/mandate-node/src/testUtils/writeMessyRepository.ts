import fs from 'node:fs';
import path from 'node:path';

/**
 * What a real repository holds next to its catalog files (issue 11): a Helm chart, Kubernetes
 * manifests, half-edited and generated specs. Written below `dir`; `catalog/` is left to the
 * caller's valid entities. Returns, in sorted path order, one pattern per bad document: the
 * warning that must name its file and line.
 */
export function writeMessyRepository(dir: string): RegExp[] {
  const write = (file: string, content: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  };
  write(
    'charts/orders/Chart.yaml',
    'apiVersion: v2\nname: orders\nversion: 0.1.0\n',
  );
  write(
    'charts/orders/values.yaml',
    'image:\n  repository: orders\n  tag: latest\nreplicas: 2\n',
  );
  write(
    'charts/orders/templates/deployment.yaml',
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: {{ include "orders.fullname" . }}',
      '  labels:',
      '    {{- include "orders.labels" . | nindent 4 }}',
      'spec:',
      '  replicas: {{ .Values.replicas }}',
      '',
    ].join('\n'),
  );
  write(
    'charts/orders/templates/_helpers.tpl',
    '{{- define "orders.fullname" -}}\n',
  );
  // `{{ }}` only as values is YAML (a flow mapping): no entity, since its name is no string.
  write(
    'charts/orders/templates/service.yaml',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  ports:\n    - port: {{ .Values.port }}\n',
  );
  write(
    'k8s/orders.yaml',
    [
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\n  namespace: shop\nspec:\n  replicas: 2\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: orders\ndata:\n  base: &base { level: info }\n  copy: *base\n',
    ].join('---\n'),
  );
  write(
    'specs/duplicate-key.yaml',
    'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: dup\nspec:\n  type: service\n  owner: team-a\n  owner: team-b\n',
  );
  write(
    'specs/syntax-error.yaml',
    'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: [half-edited\nspec:\n  type: service\n',
  );
  write(
    'specs/aliases.yaml',
    `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: aliased\n  tags: &tags [a]\nspec:\n  type: service\n  many:\n${'    - *tags\n'.repeat(
      2000,
    )}`,
  );
  write(
    'specs/latin1.yaml',
    Buffer.concat([
      Buffer.from(
        'apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: ',
      ),
      Buffer.from([0x72, 0xe9, 0x6d, 0x69]), // "rémi" in ISO-8859-1
      Buffer.from('\n'),
    ]),
  );
  write(
    'specs/logo.yaml',
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0a, 0x00, 0x01]),
  );
  write(
    'specs/mixed.yaml',
    'apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: broken\n---\napiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: kept }\n',
  );
  return [
    /^charts\/orders\/templates\/deployment\.yaml:6: skipped a document with a YAML syntax error: /,
    /^specs\/aliases\.yaml:1: skipped a document with more aliases than the catalog allows \(100\)$/,
    /^specs\/duplicate-key\.yaml:8: skipped a document with a YAML syntax error: Map keys must be unique$/,
    /^specs\/latin1\.yaml:4: skipped, not UTF-8 text$/,
    /^specs\/logo\.yaml:2: skipped, a binary file$/,
    /^specs\/mixed\.yaml:4: skipped a document with a YAML syntax error: /,
    /^specs\/syntax-error\.yaml:5: skipped a document with a YAML syntax error: /,
  ];
}
