import { actionClassName, spokenLabel, type ActionButtonProps } from './action-button-props';

/**
 * A native <button>: focusable, announced as a button with its label and pressed state. Taro's H5
 * Button is a custom element that drops `aria-label` and greys out on `disabled="false"`.
 */
export function ActionButton(props: ActionButtonProps) {
  const { children, onClick, kind = 'secondary', disabled = false, loading = false, pressed, className } = props;
  const inactive = disabled || loading;
  return (
    <button
      type="button"
      className={actionClassName({ kind, pressed, className })}
      disabled={inactive}
      aria-pressed={pressed}
      aria-busy={loading || undefined}
      aria-label={spokenLabel(props)}
      onClick={inactive ? undefined : onClick}
    >
      {loading ? <span className="action-spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}
