import { isJsonObject, JsonObject } from './jsonValues';
import { LocalRefResolver } from './LocalRefResolver';
import { WorkBudget } from './WorkBudget';

/** The top-level properties a schema declares, with every distinct schema given for each name. */
export interface MergedProperties {
  properties: Map<string, unknown[]>;
  /** Distinct `$ref`s that had to be followed but could not be (remote, missing or circular). */
  unresolvable: string[];
}

/**
 * Reads schemas the way the rules need them: `$ref`s resolved inside the document and `allOf`
 * merged, recursively and through `$ref`s. `oneOf`/`anyOf` are deliberately not looked into: a
 * property of one alternative is not a property of the body.
 *
 * A schema object contributes its own `properties`, its `allOf` members and the target of its
 * `$ref`; keywords next to a `$ref` therefore count (JSON Schema 2019+ and OAS 3.1 semantics;
 * OAS 3.0 says to ignore them, but an author who writes them means them).
 *
 * Results are memoised per schema object, so shared component schemas are merged once per
 * document, and de-duplicated: a schema reached along two paths (an `allOf` diamond) counts
 * once, so that merging stays linear in the schema graph instead of doubling at each level of
 * diamonds. A schema reached again while it is being merged is an `allOf`/`$ref` cycle and
 * counts as unresolvable instead of recursing forever. Every step is spent from the budget.
 */
export class SchemaProperties {
  private readonly merged = new Map<JsonObject, MergedProperties>();
  private readonly inProgress = new Set<JsonObject>();

  constructor(
    private readonly refs: LocalRefResolver,
    private readonly budget: WorkBudget = WorkBudget.unlimited(),
  ) {}

  /** The merged top-level properties of a schema. */
  of(schema: unknown): MergedProperties {
    return isJsonObject(schema)
      ? this.mergedNode(schema)
      : { properties: new Map(), unresolvable: [] };
  }

  /**
   * Whether the schema (through `$ref`s and `allOf`) declares `type: <type>` or a type list
   * containing it; `unresolvable` lists the references that stood in the way of finding it.
   */
  hasType(
    schema: unknown,
    type: string,
  ): { found: boolean; unresolvable: string[] } {
    const unresolvable: string[] = [];
    // Each schema is explored once per question (aliases can share schemas many times over);
    // one reached again while still being explored closes a cycle.
    const explored = new Set<JsonObject>();
    const inProgress = new Set<JsonObject>();
    const visit = (node: JsonObject): boolean => {
      this.budget.spend(1);
      const declared = node.type;
      if (
        declared === type ||
        (Array.isArray(declared) && declared.includes(type))
      ) {
        return true;
      }
      explored.add(node);
      inProgress.add(node);
      let found = false;
      for (const member of this.members(node)) {
        if ('unresolvable' in member) {
          unresolvable.push(member.unresolvable);
        } else if (!isJsonObject(member.schema)) {
          continue;
        } else if (inProgress.has(member.schema)) {
          unresolvable.push(member.via ?? '#');
        } else if (!explored.has(member.schema) && visit(member.schema)) {
          found = true;
          break;
        }
      }
      inProgress.delete(node);
      return found;
    };
    const found = isJsonObject(schema) && visit(schema);
    return { found, unresolvable: found ? [] : unresolvable };
  }

  private mergedNode(node: JsonObject): MergedProperties {
    const cached = this.merged.get(node);
    if (cached) {
      return cached;
    }
    this.budget.spend(1);
    const properties = new Map<string, Set<unknown>>();
    const unresolvable = new Set<string>();
    if (isJsonObject(node.properties)) {
      for (const [name, propertySchema] of Object.entries(node.properties)) {
        properties.set(name, new Set([propertySchema]));
      }
    }
    this.inProgress.add(node);
    for (const member of this.members(node)) {
      if ('unresolvable' in member) {
        unresolvable.add(member.unresolvable);
      } else if (isJsonObject(member.schema)) {
        if (this.inProgress.has(member.schema)) {
          // A cycle: the merged shape is undefined, so no rule can look through it.
          unresolvable.add(member.via ?? '#');
          continue;
        }
        const merged = this.mergedNode(member.schema);
        for (const [name, schemas] of merged.properties) {
          this.budget.spend(schemas.length);
          let known = properties.get(name);
          if (!known) {
            known = new Set();
            properties.set(name, known);
          }
          for (const schema of schemas) known.add(schema);
        }
        this.budget.spend(merged.unresolvable.length);
        for (const ref of merged.unresolvable) unresolvable.add(ref);
      }
    }
    this.inProgress.delete(node);
    const result: MergedProperties = {
      properties: new Map(
        Array.from(properties, ([name, schemas]) => [name, [...schemas]]),
      ),
      unresolvable: [...unresolvable],
    };
    this.merged.set(node, result);
    return result;
  }

  /** The schemas a schema object is made of besides its own keywords: `$ref` target and `allOf`. */
  private members(
    node: JsonObject,
  ): Array<{ schema: unknown; via?: string } | { unresolvable: string }> {
    const members: Array<
      { schema: unknown; via?: string } | { unresolvable: string }
    > = [];
    const ref = LocalRefResolver.refOf(node);
    if (ref !== undefined) {
      const target = this.refs.resolve(ref);
      members.push(
        target.unresolvable !== undefined
          ? { unresolvable: ref }
          : { schema: target.value, via: ref },
      );
    }
    if (Array.isArray(node.allOf)) {
      for (const member of node.allOf) {
        members.push({ schema: member, via: LocalRefResolver.refOf(member) });
      }
    }
    return members;
  }
}
