import type { ReactNode } from 'react';

export type ActionButtonProps = {
  children: ReactNode;
  onClick?: () => void;
  /** primary: the page's main action; secondary: the others; chip: small header controls. */
  kind?: 'primary' | 'secondary' | 'chip';
  disabled?: boolean;
  /** Shows a spinner and ignores taps (a call in flight). */
  loading?: boolean;
  /** For toggles and choices: read out as pressed / not pressed. */
  pressed?: boolean;
  /** When the visible text alone would not say what the button does. */
  ariaLabel?: string;
  /** Where `ariaLabel` actually arrives: see `spokenLabel`. */
  'aria-label'?: string;
  className?: string;
};

/**
 * The button's accessible name. Taro's Babel preset rewrites a JSX `ariaLabel` attribute to
 * `aria-label` at every call site, custom components included, so the prop arrives under that name.
 */
export function spokenLabel(props: Pick<ActionButtonProps, 'ariaLabel' | 'aria-label'>): string | undefined {
  return props.ariaLabel ?? props['aria-label'];
}

/** Class names shared by both platforms, so app.css styles one button. */
export function actionClassName({
  kind = 'secondary',
  pressed,
  className,
}: Pick<ActionButtonProps, 'kind' | 'pressed' | 'className'>): string {
  return `action action-${kind}${pressed ? ' action-pressed' : ''}${className ? ` ${className}` : ''}`;
}
