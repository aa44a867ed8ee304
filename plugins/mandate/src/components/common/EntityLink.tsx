import { Link } from '@backstage/ui';
import {
  useEntityPresentation,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';

/**
 * A link to an entity's catalog page, from a full ref such as `component:default/orders`, named
 * as Backstage names it everywhere (the entity presentation API: its title, else its short ref);
 * the full ref is the link's tooltip.
 */
export function EntityLink(props: {
  entityRef: string;
  children?: React.ReactNode;
  defaultKind?: string;
}) {
  const { entityRef, children, defaultKind = 'component' } = props;
  const entityLink = useEntityRefLink();
  const { primaryTitle } = useEntityPresentation(entityRef, { defaultKind });
  let href: string | undefined;
  try {
    href = entityLink(entityRef);
  } catch {
    href = undefined;
  }
  const text = children ?? primaryTitle;
  if (!href) {
    return <span>{text}</span>;
  }
  return (
    <Link href={href} title={entityRef}>
      {text}
    </Link>
  );
}
