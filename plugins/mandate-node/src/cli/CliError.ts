/** A failure the CLI reports in one line and exits with `exitCode` (2: usage or unreadable input). */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
