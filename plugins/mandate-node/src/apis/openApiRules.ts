import { DefinitionCheck } from './DefinitionCheck';
import { checkErrorSchema } from './errorSchema';
import { checkHttpStatusErrors } from './httpStatusErrors';
import { OpenApiDocument } from './OpenApiDocument';
import { checkRateLimited } from './rateLimited';
import { SchemaProperties } from './SchemaProperties';
import { checkSecurity } from './security';
import { checkStandardHeaders } from './standardHeaders';
import { checkVersioned } from './versioned';

/** The rules read from OpenAPI definitions. */
export type ApiRuleId =
  | 'api.http-status-errors'
  | 'api.error-schema'
  | 'api.security'
  | 'api.versioned'
  | 'api.standard-headers'
  | 'api.rate-limited';

/** The configurable thresholds of the `api.*` rules. */
export interface OpenApiRuleOptions {
  /** The component schema name that counts as the shared error shape (`api.error-schema`). */
  errorSchema: string;
  /** The header every operation must accept (`api.standard-headers`). */
  correlationHeader: string;
}

export const DEFAULT_OPENAPI_RULE_OPTIONS: OpenApiRuleOptions = {
  errorSchema: 'Problem',
  correlationHeader: 'X-Request-ID',
};

/** What a rule check may read: the document, and schema merging memoised per document. */
export interface OpenApiRuleInput {
  document: OpenApiDocument;
  schemas: SchemaProperties;
  options: OpenApiRuleOptions;
}

/** One check per rule; adding a rule means adding a file and a line here. */
export const openApiRuleChecks: Record<
  ApiRuleId,
  (input: OpenApiRuleInput) => DefinitionCheck
> = {
  'api.http-status-errors': ({ document, schemas }) =>
    checkHttpStatusErrors(document, schemas),
  'api.error-schema': ({ document, schemas, options }) =>
    checkErrorSchema(document, schemas, options.errorSchema),
  'api.security': ({ document }) => checkSecurity(document),
  'api.versioned': ({ document }) => checkVersioned(document),
  'api.standard-headers': ({ document, options }) =>
    checkStandardHeaders(document, options.correlationHeader),
  'api.rate-limited': ({ document }) => checkRateLimited(document),
};

export const API_RULE_IDS = Object.keys(openApiRuleChecks) as ApiRuleId[];
