/**
 * The graph is SVG, outside the design system's components: it takes the design system's
 * colour tokens (with light-theme fallbacks) so that it follows the theme.
 */
export const COLOURS = {
  text: 'var(--bui-fg-primary, #1f1f1f)',
  secondary: 'var(--bui-fg-secondary, #555)',
  danger: 'var(--bui-fg-danger, #b3261e)',
  surface: 'var(--bui-bg-neutral-1, #fff)',
  border: 'var(--bui-border-2, #8a8a8a)',
  edge: 'var(--bui-fg-secondary, #555)',
};
