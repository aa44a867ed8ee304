/**
 * The graph is SVG, outside the design system's components: it takes the design system's
 * colour tokens (with light-theme fallbacks) so that it follows the theme. Problems are a fixed
 * red: the design system's current one (--bui-fg-negative, #ee3a4c) is 3.9:1 on white, below
 * WCAG AA (4.5:1) for small text; #b3261e is 6.6:1.
 */
export const COLOURS = {
  text: 'var(--bui-fg-primary, #1f1f1f)',
  secondary: 'var(--bui-fg-secondary, #555)',
  danger: '#b3261e',
  surface: 'var(--bui-bg-neutral-1, #fff)',
  border: 'var(--bui-border-2, #8a8a8a)',
  edge: 'var(--bui-fg-secondary, #555)',
};
