import type { RuleFix } from '@mandate-dev/plugin-mandate-common';
import { stringifyYaml } from '../../yaml/stringifyYaml';

/** One option of a decision: the edit of one entity, headed by a comment that names it. */
export interface FixOption {
  /** What this option does, e.g. "Option 1: make it soft in component:default/checkout". */
  comment: string;
  /** The fragment of that entity to set (or a whole new entity). */
  edit: unknown;
}

/** A YAML document built from an object: values with quotes or colons are quoted by the library. */
function yamlDocument(value: unknown, comment?: string): string {
  // A comment line break from catalog data must not end the comment and start YAML.
  return stringifyYaml(value, { comment });
}

/** A mechanical fix: one edit of one entity (default the service), applied as is. */
export function ruleFix(
  text: string,
  edit: unknown,
  entityRef?: string,
): RuleFix {
  return {
    text,
    snippet: yamlDocument(edit),
    language: 'yaml',
    ...(entityRef ? { entityRef } : {}),
  };
}

/**
 * A decision: the owner chooses between options (each one YAML document); `entityRef` is the
 * entity the first option edits, when there is one.
 */
export function decisionFix(
  text: string,
  options: FixOption[],
  entityRef?: string,
): RuleFix {
  return {
    text,
    snippet: options
      .map(option => yamlDocument(option.edit, option.comment))
      .join('---\n'),
    language: 'yaml',
    ...(entityRef ? { entityRef } : {}),
    decision: true,
  };
}

/** The fragment that sets annotations. */
export function annotationsEdit(annotations: Record<string, string>) {
  return { metadata: { annotations } };
}
