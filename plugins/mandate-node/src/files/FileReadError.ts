/**
 * A file that was not read, and why, in words fit for a report: the file is named as the
 * caller named it (relative to its catalog file or root), never by its absolute host path, and
 * nothing of its content is quoted.
 *
 * @public
 */
export class FileReadError extends Error {
  override readonly name = 'FileReadError';

  constructor(
    /** The file as the caller named it, e.g. `./runbook.md`. */
    readonly file: string,
    /**
     * Why, without the name: an errno code (`ENOENT`) or a refusal such as
     * `outside the paths given`, `not a regular file`, `larger than 1 MiB`.
     */
    readonly reason: string,
  ) {
    super(
      /^E[A-Z]+$/.test(reason)
        ? `cannot read ${file}: ${reason}`
        : `${file} is ${reason}`,
    );
  }
}
