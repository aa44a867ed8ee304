/** What a `mandate.dev/runbook` or `mandate.dev/dashboard` value is. */
export type LinkReading =
  | { kind: 'http' }
  | { kind: 'bad-url'; problem: string }
  | { kind: 'absolute-path' }
  | { kind: 'relative-path' };

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

/**
 * Classifies a link the way the rulebook reads it: a value with a URL scheme must be `http(s)`
 * with a host; without a scheme it is a path, absolute or relative to the entity's file.
 */
export function readLink(value: string): LinkReading {
  const text = value.trim();
  // `C:\runbooks\x.md` has a one-letter "scheme"; it is a Windows absolute path.
  if (
    /^[a-zA-Z]:[\\/]/.test(text) ||
    text.startsWith('/') ||
    text.startsWith('\\')
  ) {
    return { kind: 'absolute-path' };
  }
  if (!SCHEME.test(text)) {
    return { kind: 'relative-path' };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { kind: 'bad-url', problem: 'is not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { kind: 'bad-url', problem: 'is not an http(s) URL' };
  }
  if (!url.hostname) {
    return { kind: 'bad-url', problem: 'is a URL without a host' };
  }
  return { kind: 'http' };
}
