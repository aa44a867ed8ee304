import { SnapshotInput } from '../catalog';
import { CliError } from './CliError';

/** The kinds the rules read: services, their APIs and resources, owners, members, systems. */
export const PORTAL_KINDS = [
  'Component',
  'API',
  'Group',
  'User',
  'Resource',
  'System',
] as const;

/** Entities per page, as Backstage's catalog client asks for them. */
const PAGE_SIZE = 500;

/** A response over the remaining size budget. */
class TooLarge extends Error {}

/** Options of {@link readPortalCatalog}. */
export interface ReadPortalCatalogOptions {
  /** The portal's base URL, e.g. `https://backstage.example.com` (the catalog is under /api/catalog). */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>`; never part of a message. */
  token?: string;
  /** How many response bytes all pages together may have. */
  maxBytes: number;
  /** How long the whole read may take, in milliseconds. */
  timeoutMs: number;
}

/**
 * The portal's catalog (the kinds of {@link PORTAL_KINDS}), read page by page from
 * `GET <base>/api/catalog/entities/by-query`, entities as the catalog returns them: API
 * definitions are the catalog's processed text, and nothing they reference is fetched.
 * Throws CliError (exit 2) naming the URL when a request fails, answers other than 200, is not
 * the catalog's JSON, exceeds `maxBytes` together with the pages before, or the time is up.
 */
export async function readPortalCatalog(
  options: ReadPortalCatalogOptions,
): Promise<SnapshotInput[]> {
  const endpoint = catalogEndpoint(options.baseUrl);
  const signal = AbortSignal.timeout(options.timeoutMs);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;

  const inputs: SnapshotInput[] = [];
  let budget = options.maxBytes;
  let cursor: string | undefined;
  do {
    const url = new URL(endpoint);
    url.searchParams.set('limit', String(PAGE_SIZE));
    // The cursor carries the filter of the first page (as Backstage's catalog client sends it).
    if (cursor) url.searchParams.set('cursor', cursor);
    else
      for (const kind of PORTAL_KINDS)
        url.searchParams.append('filter', `kind=${kind}`);

    const shown = url.toString();
    let response: Response;
    try {
      response = await fetch(url, { headers, signal, redirect: 'error' });
    } catch (e) {
      throw new CliError(`${shown}: ${failure(e, options.timeoutMs)}`);
    }
    if (response.status === 401) {
      await response.body?.cancel();
      throw new CliError(
        `${shown}: 401 Unauthorized, the token is missing or wrong (--token or MANDATE_TOKEN)`,
      );
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new CliError(
        `${shown}: ${response.status} ${response.statusText}`.trimEnd(),
      );
    }
    let text: string;
    try {
      text = await readCapped(response, budget);
    } catch (e) {
      if (e instanceof TooLarge) {
        throw new CliError(
          `${shown}: the portal's catalog is larger than --catalog-max-bytes (${options.maxBytes} bytes)`,
        );
      }
      throw new CliError(`${shown}: ${failure(e, options.timeoutMs)}`);
    }
    budget -= Buffer.byteLength(text);
    const page = parsePage(text);
    if (!page) {
      throw new CliError(
        `${shown}: not a catalog answer (expected JSON with items and pageInfo)`,
      );
    }
    for (const entity of page.items) inputs.push({ entity });
    cursor = page.nextCursor;
  } while (cursor);
  return inputs;
}

/** `<base>/api/catalog/entities/by-query`; the base may end in a slash. */
function catalogEndpoint(baseUrl: string): URL {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    throw new CliError(`--catalog-url ${baseUrl} is not a URL`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new CliError(`--catalog-url ${baseUrl} is not an http(s) URL`);
  }
  if (base.username || base.password) {
    // Credentials in the URL would end up in messages; the token has its own option.
    throw new CliError(
      '--catalog-url must not contain credentials: pass --token or MANDATE_TOKEN',
    );
  }
  base.pathname = `${base.pathname.replace(
    /\/+$/,
    '',
  )}/api/catalog/entities/by-query`;
  base.search = '';
  base.hash = '';
  return base;
}

/** The body as text, stopping as soon as it exceeds `maxBytes`. */
async function readCapped(
  response: Response,
  maxBytes: number,
): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new TooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new TooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parsePage(
  text: string,
): { items: SnapshotInput['entity'][]; nextCursor?: string } | undefined {
  let data: any;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object' || !Array.isArray(data.items)) {
    return undefined;
  }
  const next = data.pageInfo?.nextCursor;
  return {
    // Non-objects cannot be entities; the snapshot warns about malformed objects itself.
    items: data.items.filter(
      (item: unknown) => !!item && typeof item === 'object',
    ),
    nextCursor: typeof next === 'string' && next !== '' ? next : undefined,
  };
}

function failure(e: unknown, timeoutMs: number): string {
  const error = e as Error & { cause?: { code?: string; message?: string } };
  if (error?.name === 'TimeoutError') {
    return `no answer within --catalog-timeout (${timeoutMs / 1000} s)`;
  }
  const cause = error?.cause?.code ?? error?.cause?.message;
  return `request failed (${cause ?? error?.message ?? String(e)})`;
}
