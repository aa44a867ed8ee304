import fs from 'node:fs';
import path from 'node:path';
import { CliError } from './CliError';

/**
 * Every `*.yaml`/`*.yml` file below the given paths (a path may also be a file), sorted so
 * that "the first document wins" is reproducible. Dependency and hidden directories are
 * skipped: they hold other people's YAML.
 */
export function findYamlFiles(paths: string[]): string[] {
  const files = new Set<string>();
  const visit = (target: string, explicit: boolean) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(target);
    } catch (e) {
      throw new CliError(
        `cannot read ${target}: ${(e as NodeJS.ErrnoException).code ?? e}`,
      );
    }
    if (stat.isDirectory()) {
      const name = path.basename(target);
      if (!explicit && (name === 'node_modules' || name.startsWith('.')))
        return;
      for (const entry of fs.readdirSync(target))
        visit(path.join(target, entry), false);
    } else if (explicit || /\.ya?ml$/i.test(target)) {
      files.add(target);
    }
  };
  for (const p of paths) visit(path.resolve(p), true);
  return [...files].sort();
}
