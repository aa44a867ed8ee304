/**
 * Text colours that carry a meaning. BUI's `success`, `warning` and `danger` text colours are
 * bright (2.9, 2.5 and 3.8 to 1 on white), below WCAG AA; its `-on-bg` variants reach AA in both
 * themes (6.9, 8.0 and 8.5 to 1 in light), so coloured text uses those.
 */
export type Tone = 'success' | 'danger' | 'warning' | 'info' | 'secondary';

export const TONE_COLORS: Record<Tone, string> = {
  success: 'var(--bui-fg-success-on-bg, #116932)',
  danger: 'var(--bui-fg-danger-on-bg, #991919)',
  warning: 'var(--bui-fg-warning-on-bg, #92310a)',
  info: 'var(--bui-fg-info-on-bg, #173da6)',
  secondary: 'var(--bui-fg-secondary, #696969)',
};
