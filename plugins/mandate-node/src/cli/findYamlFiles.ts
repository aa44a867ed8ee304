import fs from 'node:fs';
import path from 'node:path';
import { isInsideRoots } from '../files';
import { CliError } from './CliError';

/** What {@link findYamlFiles} found. */
export interface FoundYamlFiles {
  files: string[];
  /** Real paths of the roots: a given directory, or the directory of a given file. */
  roots: string[];
  /** Symlinks found while walking that lead outside the roots, and were not followed. */
  warnings: string[];
}

/**
 * Every `*.yaml`/`*.yml` regular file below the given paths (a path may also be a file), sorted
 * so that "the first document wins" is reproducible. Dependency and hidden directories are
 * skipped: they hold other people's YAML. Symlinks count by their target: one leading outside
 * the roots is not followed, and a directory is walked once however many links lead to it.
 */
export async function findYamlFiles(
  paths: string[],
  /** Warnings name files relative to this directory. */
  baseDirectory: string = process.cwd(),
): Promise<FoundYamlFiles> {
  const display = (file: string) => path.relative(baseDirectory, file) || file;
  const explicit = await Promise.all(
    paths.map(async p => {
      const target = path.resolve(p);
      try {
        const real = await fs.promises.realpath(target);
        const stat = await fs.promises.stat(real);
        return {
          target,
          real,
          stat,
          root: stat.isDirectory() ? real : path.dirname(real),
        };
      } catch (e) {
        throw new CliError(`cannot read ${p}: ${errorCode(e)}`);
      }
    }),
  );
  const roots = explicit.map(e => e.root);
  const files = new Map<string, string>(); // real path -> path as found
  const visited = new Set<string>();
  const warnings: string[] = [];

  // Directory listings asked for ahead of the walk: the walk itself stays one directory after
  // the other in sorted order (what it claims and warns stays reproducible), but it no longer
  // waits for each readdir in turn (10,000 team folders took over a second).
  const listings = new Map<string, Promise<fs.Dirent[]>>();
  const prefetch = (real: string) => {
    if (listings.has(real) || visited.has(real)) return;
    const listing = fs.promises.readdir(real, { withFileTypes: true });
    listing.catch(() => undefined); // read (and reported) when the walk gets there
    listings.set(real, listing);
  };

  const visit = async (target: string, real: string) => {
    if (visited.has(real)) return; // a symlink loop, or two links to one directory
    prefetch(real);
    visited.add(real);
    const listing = listings.get(real)!;
    listings.delete(real);
    let dirents: fs.Dirent[];
    try {
      dirents = await listing;
    } catch (e) {
      // An unreadable directory (EACCES) must not stop the rest of the catalog either.
      warnings.push(`${display(target)}: skipped, ${errorCode(e)}`);
      return;
    }
    const byName = new Map(dirents.map(dirent => [dirent.name, dirent]));
    const entries = [...byName.keys()].sort();
    // An entry that is not a symlink, in a directory given by its real path, is its own real
    // path, and readdir already tells its type: only symlinks (and entries of unknown type)
    // cost a realpath and a stat, asked for all at once, then walked in sorted order as before
    // (which link claims a directory first, and the order of warnings, stay reproducible).
    const targets = await Promise.all(
      entries.map(async entry => {
        const dirent = byName.get(entry)!;
        const joined = path.join(real, dirent.name);
        if (
          !dirent.isSymbolicLink() &&
          (dirent.isFile() || dirent.isDirectory())
        ) {
          return { childReal: joined, stat: dirent };
        }
        try {
          const childReal = await fs.promises.realpath(joined);
          return { childReal, stat: await fs.promises.stat(childReal) };
        } catch (error) {
          return { error };
        }
      }),
    );
    for (const found of targets) {
      if ('error' in found) continue;
      const { childReal, stat } = found;
      if (stat.isDirectory() && isInsideRoots(childReal, roots)) {
        prefetch(childReal);
      }
    }
    for (const [index, entry] of entries.entries()) {
      const child = path.join(target, entry);
      const found = targets[index];
      if ('error' in found) {
        // A dangling link is not worth stopping for: nothing can be read through it.
        warnings.push(`${display(child)}: skipped, ${errorCode(found.error)}`);
        continue;
      }
      const { childReal, stat } = found;
      if (stat.isDirectory()) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue;
      } else if (!isYaml(entry)) {
        continue;
      }
      if (!isInsideRoots(childReal, roots)) {
        warnings.push(
          `${display(
            child,
          )}: skipped, a symlink leading outside the paths given`,
        );
      } else if (stat.isDirectory()) {
        await visit(child, childReal);
      } else if (!stat.isFile()) {
        warnings.push(`${display(child)}: skipped, not a regular file`);
      } else if (!files.has(childReal)) {
        files.set(childReal, child);
      }
    }
  };
  for (const e of explicit) {
    if (e.stat.isDirectory()) await visit(e.target, e.real);
    // A given file is always read (then refused if it is not a regular file).
    else if (!files.has(e.real)) files.set(e.real, e.target);
  }
  return {
    files: [...files.values()].sort(),
    roots,
    warnings,
  };
}

function isYaml(name: string) {
  return /\.ya?ml$/i.test(name);
}

function errorCode(e: unknown) {
  return (e as NodeJS.ErrnoException).code ?? String(e);
}
