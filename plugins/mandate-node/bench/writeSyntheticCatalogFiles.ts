import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import {
  generateSyntheticCatalog,
  seededRandom,
} from './generateSyntheticCatalog';

/** What {@link writeSyntheticCatalogFiles} wrote. */
export interface WrittenCatalog {
  files: number;
  /** Bytes of every `*.yaml` file written: what the CLI has to read and parse. */
  yamlBytes: number;
  entities: number;
}

/** One in this many API definitions is multi-file (`$openapi` and `paths/*.yaml`). */
const MULTI_FILE_EVERY = 10;
/** One Helm chart, one Kubernetes manifest and one broken file per this many teams. */
const NOISE_EVERY_TEAMS = 100;

/** The team whose catalog-info.yaml holds an entity: its own Group, its owner, its memberOf. */
function teamOf(entity: Entity): string {
  if (entity.kind === 'Group') return entity.metadata.name;
  const spec = (entity.spec ?? {}) as Record<string, any>;
  if (entity.kind === 'User') return spec.memberOf[0];
  return spec.owner;
}

/**
 * Rewrites the document-local `#/components/...` references of a part moved to its own file so
 * that they point into `components.yaml` (`prefix` is its path from the part, or '' within it),
 * the way split definitions are laid out (see catalog/apis/recommendations-api/).
 */
function pointToComponents(part: unknown, prefix: string): unknown {
  return JSON.parse(
    JSON.stringify(part).replace(/"#\/components\//g, `"${prefix}#/`),
  );
}

function helmChart(team: string): Record<string, string> {
  return {
    'Chart.yaml': YAML.stringify({
      apiVersion: 'v2',
      name: team,
      version: '0.1.0',
    }),
    'values.yaml': YAML.stringify({
      replicaCount: 2,
      image: { repository: `registry.example.com/${team}`, tag: 'latest' },
    }),
    // Helm templates are not YAML until rendered: the catalog loader must skip them.
    'templates/deployment.yaml': [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: {{ .Release.Name }}',
      '  labels:',
      '    {{- include "chart.labels" . | nindent 4 }}',
      'spec:',
      '  replicas: {{ .Values.replicaCount }}',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: app',
      '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
      '',
    ].join('\n'),
  };
}

function kubernetesManifest(team: string): string {
  return [
    { apiVersion: 'v1', kind: 'Service', metadata: { name: team } },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: team, labels: { app: team } },
      spec: { replicas: 2 },
    },
  ]
    .map(doc => YAML.stringify(doc))
    .join('---\n');
}

/** Half a YAML syntax error, half a duplicate key: both are skipped with a warning. */
function brokenFile(index: number): string {
  return index % 2 === 0
    ? 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: [unclosed\n'
    : 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: twice\n  name: again\nspec: {}\n'; // prettier-ignore
}

/**
 * Writes the synthetic catalog of {@link generateSyntheticCatalog} (same entities, same seed)
 * to `directory` the way a real repository holds it: `teams/<team>/catalog-info.yaml` with
 * every entity of the team as one multi-document file, the team's runbook next to it, and per
 * API (two in five services provide one) a YAML OpenAPI document (~20 operations) under
 * `apis/`, read with `$text`, or for one in ten split into `openapi.yaml` + `paths/*.yaml` and
 * read with `$openapi`. 10,000 services are ~52 MB of YAML. Per 100 teams it adds
 * what repositories also hold: a Helm chart folder, a Kubernetes manifest and one broken file.
 * `directory` must be empty or absent.
 */
export function writeSyntheticCatalogFiles(options: {
  directory: string;
  services: number;
  seed?: number;
}): WrittenCatalog {
  const inputs = generateSyntheticCatalog({
    services: options.services,
    seed: options.seed,
  });
  const random = seededRandom((options.seed ?? 42) + 1);
  const written: WrittenCatalog = {
    files: 0,
    yamlBytes: 0,
    entities: inputs.length,
  };
  const write = (relative: string, text: string) => {
    const file = path.join(options.directory, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    written.files += 1;
    if (file.endsWith('.yaml')) written.yamlBytes += Buffer.byteLength(text);
  };

  const byTeam = new Map<string, string[]>();
  const runbooks = new Map<string, string>();
  for (const input of inputs) {
    const entity: Entity = structuredClone(input.entity);
    const team = teamOf(entity);
    const dir = `teams/${team}`;
    const spec = (entity.spec ?? {}) as Record<string, any>;
    if (entity.kind === 'API' && typeof spec.definition === 'string') {
      const document = JSON.parse(spec.definition);
      const name = entity.metadata.name;
      if (random() * MULTI_FILE_EVERY < 1) {
        const paths: Record<string, { $ref: string }> = {};
        Object.entries(document.paths).forEach(([route, item], p) => {
          const file = `paths/path-${p}.yaml`;
          write(
            `${dir}/apis/${name}/${file}`,
            YAML.stringify(pointToComponents(item, '../components.yaml')),
          );
          paths[route] = { $ref: `./${file}` };
        });
        write(
          `${dir}/apis/${name}/components.yaml`,
          YAML.stringify(pointToComponents(document.components, '')),
        );
        write(
          `${dir}/apis/${name}/openapi.yaml`,
          YAML.stringify({
            ...document,
            paths,
            components: { $ref: './components.yaml' },
          }),
        );
        spec.definition = { $openapi: `./apis/${name}/openapi.yaml` };
      } else {
        write(`${dir}/apis/${name}.yaml`, YAML.stringify(document));
        spec.definition = { $text: `./apis/${name}.yaml` };
      }
    }
    if (input.runbook && 'text' in input.runbook)
      runbooks.set(team, input.runbook.text);
    const documents = byTeam.get(team) ?? [];
    documents.push(YAML.stringify(entity));
    byTeam.set(team, documents);
  }

  [...byTeam.entries()].forEach(([team, documents], index) => {
    const dir = `teams/${team}`;
    write(`${dir}/catalog-info.yaml`, `---\n${documents.join('---\n')}`);
    const runbook = runbooks.get(team);
    if (runbook) write(`${dir}/runbook.md`, runbook);
    if (index % NOISE_EVERY_TEAMS === 0) {
      for (const [file, text] of Object.entries(helmChart(team)))
        write(`${dir}/deploy/chart/${file}`, text);
      write(`${dir}/deploy/kubernetes.yaml`, kubernetesManifest(team));
      write(`${dir}/broken.yaml`, brokenFile(index / NOISE_EVERY_TEAMS));
    }
  });
  return written;
}
