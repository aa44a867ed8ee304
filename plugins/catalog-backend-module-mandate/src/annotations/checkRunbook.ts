import { readUrl } from '@mandate-dev/plugin-mandate-node';
import { AnnotationCheck } from './AnnotationCheck';
import { badUrlProblem } from './badUrlProblem';

/**
 * `mandate.dev/runbook`: an http(s) URL or a path relative to the entity's file. An absolute
 * path names a file on somebody's machine, never one next to the entity.
 */
export const checkRunbook: AnnotationCheck = value => {
  const link = readUrl(value);
  switch (link.kind) {
    case 'bad-url':
      return [badUrlProblem(link.reason, value)];
    case 'absolute-path':
      return [
        'is an absolute path; use an http(s) URL or a path relative to the entity file',
      ];
    default:
      return [];
  }
};
