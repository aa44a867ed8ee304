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
  return problem
    ? {
        status: 'fail',
        message: 'the API version is not semantic',
        evidence: [problem],
      }
    : { status: 'pass', evidence: [] };
}
