import { readUrl } from '@mandate-dev/plugin-mandate-node';
import { AnnotationCheck } from './AnnotationCheck';
import { badUrlProblem } from './badUrlProblem';

/** `mandate.dev/dashboard`: an http(s) URL; a dashboard lives in a monitoring tool, not a file. */
export const checkDashboard: AnnotationCheck = value => {
  const link = readUrl(value);
  if (link.kind === 'http') return [];
  return [
    link.kind === 'bad-url'
      ? badUrlProblem(link.reason, value)
      : 'is not an http(s) URL',
  ];
};
