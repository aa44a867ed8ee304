import {
  checkFromEvidence,
  DefinitionCheck,
  DefinitionFailure,
  DefinitionFix,
  withFailures,
} from '../../apis/DefinitionCheck';
import { jsonPointer, mergeFragments } from '../../apis/documentFragment';
import { OpenApiDocument } from '../../apis/OpenApiDocument';

/**
 * Collects, while a check walks a document, the failing places and the fix: edits that can be
 * made mechanically (a fragment of the document each, merged), and what someone has to do by
 * hand. The check's verdict comes from its evidence as before; this only adds the structure.
 */
export class DefinitionFixBuilder {
  readonly #failures: DefinitionFailure[] = [];
  readonly #edits: unknown[] = [];
  readonly #texts: string[] = [];
  readonly #manual: string[] = [];

  /** A failing place of the document, by its JSON pointer. */
  fail(pointer: string): this {
    this.#failures.push({ pointer });
    return this;
  }

  /** A mechanical edit: what it does, and the fragment of the document that does it. */
  edit(text: string, fragment: unknown): this {
    if (!this.#texts.includes(text)) this.#texts.push(text);
    this.#edits.push(fragment);
    return this;
  }

  /** What the edit cannot do: a person has to decide it (e.g. remove properties, fix a `$ref`). */
  manual(text: string): this {
    if (!this.#manual.includes(text)) this.#manual.push(text);
    return this;
  }

  /** Path items whose `$ref` cannot be followed fail every operation check, by hand. */
  brokenPathItems(document: OpenApiDocument): this {
    for (const path of document.unresolvablePaths) {
      this.fail(jsonPointer(['paths', path])).manual(
        `make the $ref of the path item ${path} resolve inside the document (file and remote $refs are not read)`,
      );
    }
    return this;
  }

  /** The check from its evidence, with the failures and the fix when it fails. */
  check(
    evidence: string[],
    failMessage: string,
    fixSummary: string,
  ): DefinitionCheck {
    return withFailures(
      checkFromEvidence(evidence, failMessage),
      this.#failures,
      () => this.fix(fixSummary),
    );
  }

  /** `summary: edit; edit; by hand: ...`; a decision when anything is left to do by hand. */
  fix(summary: string): DefinitionFix | undefined {
    if (this.#texts.length === 0 && this.#manual.length === 0) return undefined;
    const parts = [
      ...this.#texts,
      ...(this.#manual.length > 0
        ? [`by hand: ${this.#manual.join('; ')}`]
        : []),
    ];
    return {
      text: `${summary}: ${parts.join('; ')}`,
      ...(this.#edits.length > 0
        ? { edit: mergeFragments(...this.#edits) }
        : {}),
      ...(this.#manual.length > 0 ? { decision: true } : {}),
    };
  }
}
