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

/** One catalog entity plus what the loader learned about it while reading it. @public */
export interface SnapshotInput {
  entity: Entity;
  /** Where the entity was defined: a file path in the CLI, the source location in the portal. */
  source?: string;
  /** The runbook named by a relative `mandate.dev/runbook` path, when the loader read it. */
  runbook?: RunbookDocument;
  /** Why an API's definition could not be read (a missing `$text` target, a URL not fetched). */
  definitionReadError?: string;
}
