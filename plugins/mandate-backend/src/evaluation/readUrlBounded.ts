import { UrlReaderService } from '@backstage/backend-plugin-api';
import { FileReadError, formatBytes } from '@mandate-dev/plugin-mandate-node';

/**
 * Reads a URL through the URL reader (which applies `backend.reading.allow` and the
 * integrations' credentials), but never more than `maxBytes`: the reader has no size option,
 * so the response is streamed, counted, and the request aborted past the limit. A reader
 * without streams gives a buffer, which is checked after the fact.
 */
export async function readUrlBounded(
  reader: UrlReaderService,
  url: string,
  options: { name: string; maxBytes: number },
): Promise<string> {
  const { name, maxBytes } = options;
  const tooLarge = () =>
    new FileReadError(name, `larger than ${formatBytes(maxBytes)}`);
  const controller = new AbortController();
  const response = await reader.readUrl(url, { signal: controller.signal });
  if (!response.stream) {
    const buffer = await response.buffer();
    if (buffer.length > maxBytes) throw tooLarge();
    return buffer.toString('utf8');
  }
  const stream = response.stream();
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      total += bytes.length;
      if (total > maxBytes) throw tooLarge();
      chunks.push(bytes);
    }
  } catch (error) {
    controller.abort();
    throw error;
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks, total).toString('utf8');
}
