import { DefinitionCheck } from '../../apis/DefinitionCheck';
import { isJsonObject } from '../../apis/jsonValues';
import { OpenApiDocument } from '../../apis/OpenApiDocument';

const NUMBER = '(0|[1-9]\\d*)';
/** A pre-release identifier: alphanumerics and hyphens; all-digit ones without leading zeros. */
const IDENTIFIER = '(0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)';
/**
 * MAJOR.MINOR or MAJOR.MINOR.PATCH with an optional `-pre.release`, as in Semantic Versioning
 * 2.0.0 (whose rules on numeric identifiers apply to pre-release identifiers too). Build metadata
 * (`+build`), a leading `v` and surrounding whitespace are rejected.
 */
const SEMANTIC_VERSION = new RegExp(
  `^${NUMBER}\\.${NUMBER}(\\.${NUMBER})?(-${IDENTIFIER}(\\.${IDENTIFIER})*)?$`,
);

/**
 * The versioned check: `info.version` is a semantic version. It must be a string: an unquoted
 * `1.0` in YAML is the number 1, whose text is lost.
 */
export function checkVersioned(document: OpenApiDocument): DefinitionCheck {
  const info = document.root.info;
  const version = isJsonObject(info) ? info.version : undefined;
  let problem: string | undefined;
  if (version === undefined || version === null) {
    problem = 'info.version is missing';
  } else if (typeof version !== 'string') {
    problem = `info.version ${JSON.stringify(
      version,
    )} is a ${typeof version}, not a string (quote it)`;
  } else if (!SEMANTIC_VERSION.test(version)) {
    problem = `info.version ${JSON.stringify(
      version,
    )} is not MAJOR.MINOR[.PATCH][-pre.release]`;
  }
  if (!problem) return { status: 'pass', evidence: [] };
  const proposed = semanticVersionOf(version);
  return {
    status: 'fail',
    message: 'the API version is not semantic',
    evidence: [problem],
    failures: [{ pointer: '/info/version' }],
    fix: {
      text: `Set info.version to the string '${proposed}'${
        version === undefined || version === null
          ? ''
          : ` (from ${JSON.stringify(version)})`
      }`,
      edit: { info: { version: proposed } },
    },
  };
}

/**
 * The semantic version a non-semantic one stands for: its numbers (leading zeros dropped,
 * padded to MAJOR.MINOR.PATCH), so `v2` is `2.0.0` and `1.0.0+build` is `1.0.0`; a valid
 * pre-release is kept. Without numbers (missing, `latest`), `1.0.0`.
 */
function semanticVersionOf(version: unknown): string {
  const text = String(version ?? '').trim();
  const [core, ...rest] = text.split('+')[0].split('-');
  const numbers = (core.match(/\d+/g) ?? []).slice(0, 3).map(Number);
  if (numbers.length === 0) return '1.0.0';
  while (numbers.length < 3) numbers.push(0);
  const proposed = numbers.join('.');
  const preRelease = rest.join('-');
  return preRelease && SEMANTIC_VERSION.test(`${proposed}-${preRelease}`)
    ? `${proposed}-${preRelease}`
    : proposed;
}
