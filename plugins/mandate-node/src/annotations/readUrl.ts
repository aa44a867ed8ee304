/** What a `mandate.dev/runbook` or `mandate.dev/dashboard` value is. @public */
export type UrlReading =
  | { kind: 'http'; url: string }
  | { kind: 'bad-url'; reason: string }
  | { kind: 'absolute-path'; path: string }
  | { kind: 'relative-path'; path: string };

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
// The URL parser silently drops tabs and line breaks, and a backslash is a path separator to
// it but a file-name character on disk: a value with them means two different things.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A value with a URL scheme must be `http(s)` with a host and no credentials; without one it
 * is a path, which is absolute (rejected by the rules) or relative to the entity's source file.
 * Control characters make either malformed, and so does a backslash in a relative path.
 *
 * @public
 */
export function readUrl(value: string): UrlReading {
  const text = value.trim();
  if (CONTROL_CHARACTERS.test(text)) {
    return {
      kind: 'bad-url',
      reason: `${JSON.stringify(text)} contains control characters`,
    };
  }
  // `C:\runbooks\x.md` has a "scheme" of one letter; it is a Windows absolute path.
  if (
    /^[a-zA-Z]:[\\/]/.test(text) ||
    text.startsWith('/') ||
    text.startsWith('\\')
  ) {
    return { kind: 'absolute-path', path: text };
  }
  if (!SCHEME.test(text)) {
    if (text.includes('\\')) {
      return {
        kind: 'bad-url',
        reason: `${text} is not a relative path: use / between folders`,
      };
    }
    return { kind: 'relative-path', path: text };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { kind: 'bad-url', reason: `${text} is not a valid URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { kind: 'bad-url', reason: `${text} is not an http(s) URL` };
  }
  if (!url.hostname) return { kind: 'bad-url', reason: `${text} has no host` };
  if (url.username || url.password) {
    return { kind: 'bad-url', reason: 'the URL must not contain credentials' };
  }
  return { kind: 'http', url: text };
}
