import { AnnotationCheck } from './AnnotationCheck';

/**
 * `mandate.dev/rate-limit`: any non-empty quota (the format is free, the rulebook does not
 * validate it), but only on an API: the rate-limited rule reads it from the API entity, so on a
 * service it looks set and counts for nothing.
 */
export const checkRateLimit: AnnotationCheck = (_value, { entity }) =>
  entity.kind.toLocaleLowerCase('en-US') === 'api'
    ? []
    : [
        'is only read on API entities; put it on the API that carries the quota',
      ];
