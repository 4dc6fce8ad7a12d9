import { Button } from '@tarojs/components';
import { actionClassName, spokenLabel, type ActionButtonProps } from './action-button-props';

/** WeChat's button; `ariaLabel` is what its screen reader reads. */
export function ActionButton(props: ActionButtonProps) {
  const { children, onClick, kind = 'secondary', disabled = false, loading = false, pressed, className } = props;
  const inactive = disabled || loading;
  return (
    <Button
      className={actionClassName({ kind, pressed, className })}
      type={kind === 'primary' ? 'primary' : 'default'}
      size={kind === 'chip' ? 'mini' : 'default'}
      disabled={inactive}
      loading={loading}
      ariaLabel={spokenLabel(props)}
      onClick={inactive ? undefined : onClick}
    >
      {children}
    </Button>
  );
}
