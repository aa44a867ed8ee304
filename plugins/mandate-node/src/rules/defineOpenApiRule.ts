import type {
  RuleOptionSchemas,
  RuleOptionValues,
} from '@mandate-dev/plugin-mandate-common';
import type { DefinitionCheck, OpenApiDocument } from '../apis';
import type { SnapshotEntity } from '../catalog';
import { defineRule } from './defineRule';
import type { AnyMandateRule, MandateRule } from './MandateRule';
import { notApplicable } from './RuleOutcome';
import { aggregateApiChecks } from './support/aggregateApiChecks';
import { erringApiCheck, withApiFixes } from './support/apiFixes';
import { providedApis } from './support/providedApis';

/**
 * A rule read from OpenAPI definitions: its description and options, and the check of one
 * parsed document.
 *
 * @public
 */
export interface OpenApiRuleDefinition<TSchemas extends RuleOptionSchemas>
  extends Omit<MandateRule<TSchemas>, 'evaluate'> {
  /**
   * The verdict on one parsed OpenAPI document (local `$ref`s resolved, see `document.refs` and
   * `document.schemas`): `pass`, or `fail` with one evidence line per problem, naming the
   * operation as `METHOD /path`, and optionally the failing places (`failures`, JSON pointers
   * such as `operation.pointer`) and the `fix`, a fragment of the document. Pure: it is memoised
   * per (definition content, rule id, options).
   */
  checkDocument(
    document: OpenApiDocument,
    options: RuleOptionValues<TSchemas>,
  ): DefinitionCheck;
  /** Settles one API without its definition (e.g. by an annotation); undefined to check the document. */
  override?(
    api: SnapshotEntity,
    options: RuleOptionValues<TSchemas>,
  ): DefinitionCheck | undefined;
}

/** A rule built by `defineOpenApiRule`: an ordinary rule that also exposes its document check. @public */
export interface OpenApiRule<
  TSchemas extends RuleOptionSchemas = RuleOptionSchemas,
> extends MandateRule<TSchemas> {
  checkDocument: OpenApiRuleDefinition<TSchemas>['checkDocument'];
}

/**
 * Declares a rule on the OpenAPI APIs a service provides. A service passes when every OpenAPI
 * API it provides passes the check; an API whose definition cannot be read, is not an OpenAPI
 * document or is over a limit is `error`; without an OpenAPI API the rule is not applicable.
 * Evidence lines are prefixed with the API's ref, and the outcome's `refs` name those APIs.
 * A failing or erring outcome carries the fix of the first offending API (`withApiFixes`: the
 * check's `fix`, or for a definition that is not an OpenAPI document, the spec validity's) and
 * the `locations` of the failing places of every offending API.
 *
 * @public
 */
export function defineOpenApiRule<TSchemas extends RuleOptionSchemas = {}>(
  definition: OpenApiRuleDefinition<TSchemas>,
): OpenApiRule<TSchemas> {
  const { override, checkDocument, ...description } = definition;
  const check = { id: definition.id, checkDocument };
  const rule = {
    ...description,
    evaluate(service, { snapshot, facts, options }) {
      const apis = providedApis(service, snapshot).filter(api =>
        facts.definitions.isOpenApi(api),
      );
      if (apis.length === 0) {
        return notApplicable('the service provides no OpenAPI API');
      }
      const checks = apis.map(api => ({
        api,
        check: erringApiCheck(
          api,
          override?.(api, options) ??
            facts.definitions.openApiCheck(api, check, options),
          facts.definitions,
        ),
      }));
      return withApiFixes(
        aggregateApiChecks(
          checks.map(({ api, check: verdict }) => ({
            api: api.ref,
            check: verdict,
          })),
        ),
        checks,
        facts.definitions,
      );
    },
  } as MandateRule<TSchemas>;
  // Not enumerable: a rule's description (`describeRule`, `GET /rules`) lists data, not code.
  Object.defineProperty(rule, 'checkDocument', { value: checkDocument });
  return defineRule(rule) as OpenApiRule<TSchemas>;
}

/** Whether a rule was built by `defineOpenApiRule`. @public */
export function isOpenApiRule(rule: AnyMandateRule): rule is OpenApiRule<any> {
  return typeof (rule as Partial<OpenApiRule>).checkDocument === 'function';
}
