import { defineOpenApiRule } from '../defineOpenApiRule';
import { checkSecurity } from './checkSecurity';

export const securityRule = defineOpenApiRule({
  id: 'api.security',
  tenet: 'externalizable-interfaces',
  level: 'gold',
  title: 'Every operation is secured',
  description:
    'The document declares a security scheme and every operation is covered by a non-empty security requirement (its own or the global one); `{}` allows anonymous access and does not count.',
  rationale:
    'An interface designed to be exposed to the outside world is authenticated from day one, not when it is finally exposed.',
  remediation: {
    text: 'Declare a security scheme and require it globally (or on every operation).',
    snippet: `components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: https://auth.example.com/token
          scopes: {}
security:
  - oauth: []
`,
    language: 'yaml',
  },
  checkDocument: document => checkSecurity(document),
});
