import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { CliError } from './CliError';

/**
 * app-config files, later ones overriding earlier ones like Backstage's loader does. Only
 * `mandate:` is read from them, so substitutions elsewhere (`${POSTGRES_HOST}`) are harmless.
 */
export function readConfigFiles(files: string[]): ConfigReader {
  const configs = files.map(file => {
    let data: unknown;
    try {
      data = parseYaml(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      const error = e as {
        code?: string;
        linePos?: { line: number; col: number }[];
        message: string;
      };
      const pos = error.linePos?.[0];
      throw new CliError(
        `cannot read config ${file}${pos ? `:${pos.line}:${pos.col}` : ''}: ${
          error.code ?? ''
        } ${error.message.split('\n')[0]}`.trim(),
      );
    }
    if (
      data !== null &&
      data !== undefined &&
      (typeof data !== 'object' || Array.isArray(data))
    ) {
      throw new CliError(
        `cannot read config ${file}: expected a mapping at the top level`,
      );
    }
    return { context: file, data: (data ?? {}) as any };
  });
  return ConfigReader.fromConfigs(configs);
}
