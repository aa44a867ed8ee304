import { Fragment } from 'react';
import { splitEvidence } from '../../lib/evidence';
import { EntityLink } from './EntityLink';
import { kindOf } from '../../lib/kindOf';

/**
 * A message or evidence string, the entity refs its result names (`refs`) shown as Backstage
 * shows entities everywhere (the entity presentation API: the display name) and linked to
 * them; the raw ref stays in the link's tooltip.
 */
export function EvidenceText(props: { text: string; refs?: string[] }) {
  return (
    <>
      {splitEvidence(props.text, props.refs).map((part, index) =>
        part.type === 'ref' ? (
          <EntityLink
            key={index}
            entityRef={part.ref}
            defaultKind={kindOf(part.ref)}
          />
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
