import { Link } from '@backstage/ui';
import { shortRef } from '../../lib/shortRef';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';

/** A link to an entity's catalog page, from a full ref such as `component:default/orders`. */
export function EntityLink(props: {
  entityRef: string;
  children?: React.ReactNode;
  defaultKind?: string;
}) {
  const { entityRef, children, defaultKind } = props;
  const entityLink = useEntityRefLink();
  let href: string | undefined;
  try {
    href = entityLink(entityRef);
  } catch {
    href = undefined;
  }
  const text = children ?? shortRef(entityRef, defaultKind);
  if (!href) {
    return <span>{text}</span>;
  }
  return (
    <Link href={href} title={entityRef}>
      {text}
    </Link>
  );
}
