import { AnnotationCheck } from './AnnotationCheck';
import { readLink } from './readLink';

/** `mandate.dev/dashboard`: an http(s) URL; a dashboard lives in a monitoring tool, not a file. */
export const checkDashboard: AnnotationCheck = value => {
  const link = readLink(value);
  return link.kind === 'http'
    ? []
    : [link.kind === 'bad-url' ? link.problem : 'is not an http(s) URL'];
};
