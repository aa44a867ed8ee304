/** What a `mandate.dev/runbook` or `mandate.dev/dashboard` value is. */
export type UrlReading =
  | { kind: 'http'; url: string }
  | { kind: 'bad-url'; reason: string }
  | { kind: 'absolute-path'; path: string }
  | { kind: 'relative-path'; path: string };

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

/**
 * A value with a URL scheme must be `http(s)` with a host; without one it is a path, which is
 * absolute (rejected by the rules) or relative to the entity's source file.
 */
export function readUrl(value: string): UrlReading {
  const text = value.trim();
  // `C:\runbooks\x.md` has a "scheme" of one letter; it is a Windows absolute path.
  if (
    /^[a-zA-Z]:[\\/]/.test(text) ||
    text.startsWith('/') ||
    text.startsWith('\\')
  ) {
    return { kind: 'absolute-path', path: text };
  }
  if (!SCHEME.test(text)) return { kind: 'relative-path', path: text };
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
  return { kind: 'http', url: text };
}
