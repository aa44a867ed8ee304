import type { DefinitionCheck } from './DefinitionCheck';
import type { OpenApiDocument } from './OpenApiDocument';

/**
 * A check of one parsed OpenAPI document, named by the rule that owns it: `ApiDefinitions`
 * memoises its verdicts per (definition content, `id`, options). `checkDocument` must be pure
 * and read nothing but the document and the options.
 *
 * @public
 */
export interface OpenApiDocumentCheck<TOptions = any> {
  id: string;
  checkDocument(document: OpenApiDocument, options: TOptions): DefinitionCheck;
}
