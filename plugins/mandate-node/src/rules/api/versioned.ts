import { defineOpenApiRule } from '../defineOpenApiRule';
import { checkVersioned } from './checkVersioned';

export const versionedRule = defineOpenApiRule({
  id: 'api.versioned',
  tenet: 'externalizable-interfaces',
  level: 'gold',
  title: 'Interfaces are versioned',
  description:
    '`info.version` is semantic: `MAJOR.MINOR` or `MAJOR.MINOR.PATCH`, with an optional pre-release; no leading `v`, no build metadata.',
  rationale:
    'Consumers outside the team need to know when a contract changes incompatibly; a semantic version says so.',
  remediation: {
    text: 'Give the document a semantic version and bump MAJOR on breaking changes.',
    snippet: `info:
  title: Orders API
  version: 2.1.0
`,
    language: 'yaml',
  },
  checkDocument: document => checkVersioned(document),
});
