import type { RuleFix, RuleLocation } from '@mandate-dev/plugin-mandate-common';
import type { ApiDefinitions, DefinitionCheck } from '../../apis';
import type { SnapshotEntity } from '../../catalog';
import type { RuleOutcome } from '../RuleOutcome';
import { stringifyYaml } from '../../yaml/stringifyYaml';

/** One API's verdict, with the API itself: what a fix and its locations are computed from. */
export interface ApiCheck {
  api: SnapshotEntity;
  check: DefinitionCheck;
}

/**
 * A failing or erring outcome of an API rule with its fix and locations. The fix is the one of
 * the first failing API whose check computed one (else of the first erring API), from the
 * definition; it edits that API's definition (`target: definition`) or, when the definition
 * cannot be read or the API's type is wrong, the API entity. The locations are the failing
 * places of every failing or erring API: JSON pointers into its definition, with its file and,
 * when the text is the file's own (`$text`), the line.
 */
export function withApiFixes(
  outcome: RuleOutcome,
  checks: ApiCheck[],
  definitions: ApiDefinitions,
): RuleOutcome {
  if (outcome.status !== 'fail' && outcome.status !== 'error') return outcome;
  const failing = checks.filter(c => c.check.status === 'fail');
  const erring = checks.filter(c => c.check.status === 'error');
  const offending = [...failing, ...erring];
  if (offending.length === 0) return outcome;
  // A custom rule's check may compute no fix: then only an erring API gets one.
  const first = offending.find(c => c.check.fix || c.check.status === 'error');
  const computed = first && apiFix(first);
  const others = offending.filter(c => c !== first);
  if (computed && others.length > 0) {
    computed.text += ` (${others.map(o => o.api.ref).join(', ')} also ${
      others.length === 1 ? 'fails' : 'fail'
    }: see ${others.length === 1 ? 'its' : 'their'} definition${
      others.length === 1 ? '' : 's'
    })`;
  }
  const locations = offending.flatMap(c => locationsOf(c, definitions));
  return {
    ...outcome,
    ...(computed ? { fix: computed } : {}),
    ...(locations.length > 0 ? { locations } : {}),
  };
}

/**
 * The same fix for an API rule's `error` when the definition is not a document of its type: the
 * spec validity's (e.g. write the OpenAPI document), since the API rules can only check a
 * document once there is one.
 */
export function erringApiCheck(
  api: SnapshotEntity,
  check: DefinitionCheck,
  definitions: ApiDefinitions,
): DefinitionCheck {
  if (check.status !== 'error' || check.fix || api.definitionReadError)
    return check;
  const validity = definitions.specValidity(api);
  return validity.status === 'fail' && validity.fix
    ? { ...check, failures: validity.failures, fix: validity.fix }
    : check;
}

function apiFix({ api, check }: ApiCheck): RuleFix {
  const file = api.definitionSource?.file;
  const subject = `${api.ref}${file ? ` (${file})` : ''}`;
  if (api.definitionReadError || check.message === 'the definition is empty') {
    const reason = api.definitionReadError
      ? `could not be read: ${api.definitionReadError}`
      : 'is empty';
    return fix(
      `The definition of ${api.ref} ${reason}. Point spec.definition at its file inside the catalog (a URL is not fetched offline)`,
      { spec: { definition: { $text: `./${api.name}.yaml` } } },
      api.ref,
      { decision: true },
    );
  }
  const found = check.fix;
  if (!found) {
    return fix(
      `${subject}: ${check.message ?? 'could not be evaluated'}`,
      undefined,
      api.ref,
      { decision: true },
    );
  }
  return fix(`${subject}: ${found.text}`, found.edit, api.ref, {
    decision: found.decision,
    target: found.target === 'entity' ? undefined : 'definition',
  });
}

function fix(
  text: string,
  edit: unknown,
  entityRef: string,
  extra: { decision?: boolean; target?: 'definition' },
): RuleFix {
  return {
    text,
    snippet: edit === undefined ? comment(text) : yamlDocument(edit),
    language: 'yaml',
    entityRef,
    ...(extra.target ? { target: extra.target } : {}),
    ...(extra.decision ? { decision: true } : {}),
  };
}

/** A fix that is only words still shows them where the snippet goes, as YAML comments. */
function comment(text: string): string {
  return `${text
    .split(/\r?\n/)
    .map(line => `# ${line}`)
    .join('\n')}\n`;
}

function yamlDocument(value: unknown): string {
  // The same response added to several operations is written out each time, not as an alias.
  return stringifyYaml(value, { aliasDuplicateObjects: false });
}

function locationsOf(
  { api, check }: ApiCheck,
  definitions: ApiDefinitions,
): RuleLocation[] {
  const source = api.definitionSource;
  return (check.failures ?? []).map(({ pointer, line }) => {
    const known =
      source?.verbatim && !api.definitionReadError
        ? line ?? definitions.lineOf(api, pointer)
        : undefined;
    return {
      entityRef: api.ref,
      ...(source ? { file: source.file } : {}),
      ...(known ? { line: known } : {}),
      pointer,
    };
  });
}
