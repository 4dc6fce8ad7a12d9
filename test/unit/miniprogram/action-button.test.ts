import { describe, expect, it } from 'vitest';
import { actionClassName, spokenLabel } from '../../../miniprogram/src/components/action-button-props';

describe('an action button', () => {
  it('finds its accessible name under aria-label, where Taro’s Babel preset moves a JSX ariaLabel', () => {
    expect(spokenLabel({ 'aria-label': '去缴费，¥400.00' })).toBe('去缴费，¥400.00');
    expect(spokenLabel({ ariaLabel: '切换演示用户' })).toBe('切换演示用户');
    expect(spokenLabel({})).toBeUndefined();
  });

  it('marks a pressed choice with a class, since weapp does not expose aria-pressed to CSS', () => {
    expect(actionClassName({ kind: 'secondary', pressed: true, className: 'choice-option' })).toBe(
      'action action-secondary action-pressed choice-option',
    );
    expect(actionClassName({ kind: 'primary' })).toBe('action action-primary');
  });
});
