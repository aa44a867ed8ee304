import fs from 'node:fs';
import path from 'node:path';
import { FileReadError } from './FileReadError';
import { formatBytes } from './formatBytes';
import { isInsideRoots } from './isInsideRoots';

/** Options of {@link readFileInsideRoots}. */
export interface ReadFileInsideRootsOptions {
  /** Directories the file must be in, after symlinks are resolved (theirs too). */
  roots: readonly string[];
  /** Larger files are refused, without reading more than this (+1 byte). */
  maxBytes: number;
  /**
   * How errors name the file, e.g. as a `$text` or a runbook annotation wrote it. Default: its
   * path relative to the root it is in, else its base name; never its absolute path.
   */
  name?: string;
}

const CHUNK_BYTES = 64 * 1024;

// O_NONBLOCK: should a FIFO or device replace the file between the stat and the open, opening
// it does not wait for a writer. O_NOFOLLOW: nor can a symlink swapped in lead elsewhere.
// Both are 0 where the platform lacks them (Windows), which has neither FIFOs nor this race.
const OPEN_FLAGS =
  fs.constants.O_RDONLY |
  (fs.constants.O_NONBLOCK ?? 0) |
  (fs.constants.O_NOFOLLOW ?? 0);

/**
 * Reads a UTF-8 text file, but only a regular file whose real path (symlinks resolved) is
 * inside the real paths of `roots`, and only up to `maxBytes`. Everything a catalog names
 * (catalog files, `$text`/`$json`/`$yaml`/`$openapi`/`$asyncapi` targets and the files their `$ref`s bundle, runbooks) is read through here, so that a
 * catalog cannot make Mandate read `/etc/passwd`, hang on a FIFO or fill the memory with
 * `/dev/zero`. Throws FileReadError, which names the file but never quotes it.
 *
 * @public
 */
export async function readFileInsideRoots(
  file: string,
  options: ReadFileInsideRootsOptions,
): Promise<string> {
  return (await readBytesInsideRoots(file, options)).toString('utf8');
}

/** The file system calls a read makes, so that one sequence of checks serves both ways of calling. */
interface FileIo {
  realpath(file: string): Promise<string>;
  stat(file: string): Promise<fs.Stats>;
  open(file: string): Promise<OpenFile>;
}

interface OpenFile {
  stat(): Promise<fs.Stats>;
  /** Bytes read into `buffer` from the current position; 0 at the end. */
  read(buffer: Buffer): Promise<number>;
  close(): Promise<void>;
}

const asyncIo: FileIo = {
  realpath: file => fs.promises.realpath(file),
  stat: file => fs.promises.stat(file),
  open: async file => {
    const handle = await fs.promises.open(file, OPEN_FLAGS);
    return {
      stat: () => handle.stat(),
      read: async buffer =>
        (await handle.read(buffer, 0, buffer.length, null)).bytesRead,
      close: () => handle.close(),
    };
  },
};

// The same calls, made directly: each asynchronous call is a round trip through libuv's thread
// pool and several promises, which cost catalog threads six times the CPU of the calls
// themselves. fs.realpathSync.native is the libc realpath that fs.promises.realpath uses too.
const blockingIo: FileIo = {
  realpath: async file => fs.realpathSync.native(file),
  stat: async file => fs.statSync(file),
  open: async file => {
    const fd = fs.openSync(file, OPEN_FLAGS);
    return {
      stat: async () => fs.fstatSync(fd),
      read: async buffer => fs.readSync(fd, buffer, 0, buffer.length, null),
      close: async () => fs.closeSync(fd),
    };
  },
};

let io = asyncIo;

/**
 * Makes every read of this thread block instead, with the same checks: for a worker thread
 * that does nothing but read files (the CLI's catalog threads), where waiting costs nothing
 * and the asynchronous calls cost most of the work. Never on a thread that serves requests.
 *
 * @public
 */
export function readFilesBlockingInThisThread(blocking = true): void {
  io = blocking ? blockingIo : asyncIo;
}

/**
 * {@link readFileInsideRoots} without decoding: for callers that must tell text from binary or
 * from another encoding (catalog files), rather than read replacement characters.
 */
export async function readBytesInsideRoots(
  file: string,
  options: ReadFileInsideRootsOptions,
): Promise<Buffer> {
  const { maxBytes } = options;
  const target = path.resolve(file);
  const lexicalRoots = options.roots.map(root => path.resolve(root));
  const name = options.name ?? nameOf(target, lexicalRoots);
  const refuse = (reason: string) => new FileReadError(name, reason);
  const tooLarge = () => refuse(`larger than ${formatBytes(maxBytes)}`);

  // Checked before touching the disk, so a refused path does not reveal whether it exists.
  if (!isInsideRoots(target, lexicalRoots))
    throw refuse('outside the paths given');

  let opened: OpenFile | undefined;
  try {
    const real = await io.realpath(target);
    if (!isInsideRoots(real, await realPaths(lexicalRoots))) {
      throw refuse('outside the paths given');
    }
    // stat before open: opening a FIFO or a device is already an effect.
    const stat = await io.stat(real);
    if (!stat.isFile()) throw refuse('not a regular file');
    if (stat.size > maxBytes) throw tooLarge();

    opened = await io.open(real);
    if (!(await opened.stat()).isFile()) throw refuse('not a regular file');

    // The size may change after the stat (or be wrong, as in /proc): count what is read.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // Not zero-filled: only the bytes read are kept (zeroing 64 KiB per read cost more than
      // the read itself on catalogs of thousands of files).
      const chunk = Buffer.allocUnsafe(
        Math.min(CHUNK_BYTES, maxBytes + 1 - total),
      );
      const bytesRead = await opened.read(chunk);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLarge();
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    // ELOOP: a symlink loop, or a symlink swapped in after the check (O_NOFOLLOW).
    throw refuse(code && /^E[A-Z]+$/.test(code) ? code : 'unreadable');
  } finally {
    await opened?.close();
  }
}

/** Real paths of the roots; a root that does not exist keeps its path (nothing is in it). */
function realPaths(roots: string[]): Promise<string[]> {
  return Promise.all(roots.map(root => io.realpath(root).catch(() => root)));
}

function nameOf(target: string, roots: string[]): string {
  const root = roots.find(r => isInsideRoots(target, [r]));
  return root
    ? path.relative(root, target) || path.basename(target)
    : path.basename(target);
}
