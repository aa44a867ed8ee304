import { parseEntityRef } from '@backstage/catalog-model';
import { EntityLink } from './EntityLink';

/**
 * Who did something: a user's entity ref links to the user; anything else (a calling
 * service's subject, e.g. a CI token's) is shown as it is.
 */
export function ActorLink(props: { actor: string }) {
  const { actor } = props;
  let isRef = false;
  try {
    parseEntityRef(actor);
    isRef = actor.includes(':');
  } catch {
    isRef = false;
  }
  return isRef ? (
    <EntityLink entityRef={actor} defaultKind="user" />
  ) : (
    <span>{actor}</span>
  );
}
