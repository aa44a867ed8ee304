import path from 'node:path';

/** Whether `file` (an absolute path) is one of `roots` or below one of them. @public */
export function isInsideRoots(file: string, roots: readonly string[]): boolean {
  return roots.some(root => {
    const relative = path.relative(root, file);
    return (
      relative === '' ||
      (relative !== '..' &&
        !relative.startsWith(`..${path.sep}`) &&
        !path.isAbsolute(relative))
    );
  });
}
