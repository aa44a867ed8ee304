/**
 * Text colours that carry a meaning. BUI's bright `success`, `warning` and `danger` text colours
 * (2.9, 2.5 and 3.8 to 1 on white) are below WCAG AA; its `-fg-subdued` intent tokens reach AA
 * in both themes (on white 7.5, 5.6 and 8.4 to 1), so coloured text uses those. Info has no
 * such token: it is plain text (a waived status says so with its badge).
 */
export type Tone = 'success' | 'danger' | 'warning' | 'info' | 'secondary';

export const TONE_COLORS: Record<Tone, string> = {
  success: 'var(--bui-positive-fg-subdued, #0c632b)',
  danger: 'var(--bui-negative-fg-subdued, #991919)',
  warning: 'var(--bui-warning-fg-subdued, #aa4d00)',
  info: 'var(--bui-fg-primary, #000000)',
  secondary: 'var(--bui-fg-secondary, #696969)',
};
