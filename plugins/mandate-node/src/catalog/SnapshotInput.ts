import { Entity } from '@backstage/catalog-model';

/**
 * The text of a runbook the loader read for a relative `mandate.dev/runbook` path, or why it
 * could not. Rules never touch the file system: the loader (CLI or backend) gathers this.
 *
 * @public
 */
export type RunbookDocument =
  | { path: string; text: string }
  | { path: string; error: string };

/**
 * The file an API's definition was read from (a `$text`, `$openapi` or `$asyncapi` target).
 *
 * @public
 */
export interface DefinitionSource {
  /** The file, as the entity's `source` names files (offline: relative to the working directory). */
  file: string;
  /**
   * True when the definition text is the file's own text (`$text`), so that its lines are the
   * file's; a bundled definition (`$openapi`, `$asyncapi`) is rendered anew.
   */
  verbatim: boolean;
}

/** One catalog entity plus what the loader learned about it while reading it. @public */
export interface SnapshotInput {
  entity: Entity;
  /** Where the entity was defined: a file path in the CLI, the source location in the portal. */
  source?: string;
  /** The 1-based line of `source` where the entity's document starts, when the loader knows it. */
  sourceLine?: number;
  /** The runbook named by a relative `mandate.dev/runbook` path, when the loader read it. */
  runbook?: RunbookDocument;
  /** Why an API's definition could not be read (a missing `$text` target, a URL not fetched). */
  definitionReadError?: string;
  /** An API's definition file, when the loader read the definition from one. */
  definitionSource?: DefinitionSource;
}
