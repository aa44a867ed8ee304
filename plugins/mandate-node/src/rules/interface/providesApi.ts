import { defineRule } from '../defineRule';
import { fail, pass } from '../RuleOutcome';
import {
  decisionFix,
  newApiEntity,
  providedApis,
  ruleFix,
  specList,
} from '../support';

export const providesApiRule = defineRule({
  id: 'interface.provides-api',
  tenet: 'interfaces',
  level: 'bronze',
  title: 'Exposes a service interface',
  description:
    '`spec.providesApis` is not empty and every API it names exists in the catalog as an API entity.',
  rationale:
    'A team exposes its data and functionality only through service interfaces; a service without a declared interface can only be reached through a back door.',
  remediation: {
    text: 'Declare the API the service provides, and register that API entity with its definition.',
    snippet: `spec:
  providesApis: [orders-api]
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: orders-api
spec:
  type: openapi
  lifecycle: production
  owner: group:default/checkout-team
  definition:
    $text: ./orders-api.yaml
`,
    language: 'yaml',
  },
  evaluate(service, { snapshot }) {
    if (service.providesApis.length === 0) {
      const api = `api:${service.namespace}/${service.name}-api`;
      return {
        ...fail('spec.providesApis is empty'),
        fix: decisionFix(
          `Decide what ${
            service.ref
          } offers other teams, and declare it as an API with a definition, e.g. ${api} owned by ${
            service.owner ?? 'its team'
          }.`,
          [
            {
              comment: `in ${service.ref}: the API it provides`,
              edit: { spec: { providesApis: [api] } },
            },
            {
              comment: `new entity ${api}, with its definition in ./${service.name}-api.yaml`,
              edit: newApiEntity(api, service.owner),
            },
          ],
        ),
      };
    }
    const missing = new Set<string>();
    const evidence: string[] = [];
    const refs: string[] = [];
    for (const link of service.providesApis) {
      const target = snapshot.resolve(link);
      if (!link.ref)
        evidence.push(`${JSON.stringify(link.raw)} is not an entity ref`);
      else if (!target) {
        missing.add(link.ref);
        evidence.push(`${link.ref} does not exist`);
      } else if (target.kind !== 'api') {
        missing.add(link.ref);
        refs.push(target.ref);
        evidence.push(`${target.ref} is a ${target.entity.kind}, not an API`);
      }
    }
    if (evidence.length > 0) {
      const outcome = fail(
        `${evidence.length} provided API${
          evidence.length === 1 ? ' is' : 's are'
        } missing`,
        evidence,
        refs,
      );
      const kept = specList(service, 'providesApis', {
        drop: missing,
        dropInvalid: true,
      });
      const unregistered = [...missing].filter(
        ref => ref.startsWith('api:') && !snapshot.get(ref),
      );
      const text = `Drop from spec.providesApis what is not an API entity: ${evidence.join(
        '; ',
      )}`;
      if (
        providedApis(service, snapshot).length > 0 &&
        unregistered.length === 0
      ) {
        return {
          ...outcome,
          fix: ruleFix(`${text}.`, { spec: { providesApis: kept } }),
        };
      }
      return {
        ...outcome,
        fix: decisionFix(
          `${text}; or register ${
            unregistered.length > 0
              ? unregistered.join(', ')
              : 'the API it provides'
          } with its definition.`,
          [
            ...(providedApis(service, snapshot).length > 0
              ? [
                  {
                    comment: `Option 1, in ${service.ref}: only the APIs that exist`,
                    edit: { spec: { providesApis: kept } },
                  },
                ]
              : []),
            ...unregistered.map(ref => ({
              comment: `Option ${
                providedApis(service, snapshot).length > 0 ? 2 : 1
              }, new entity ${ref}`,
              edit: newApiEntity(ref, service.owner),
            })),
          ],
        ),
      };
    }
    return pass();
  },
});
