import { describe, expect, it } from 'vitest';
import { input as familyInput } from '../../../shared/contracts/family';
import { consentPath, shareTokenOf } from '../../../miniprogram/src/pages/family/consent-path';

const token = 'fb_0123456789abcdef0123.042917';

describe('the consent share card', () => {
  it('opens the family page carrying the share token', () => {
    expect(consentPath(token)).toBe(`/pages/family/index?token=${token}`);
  });

  it('carries a token the family contract accepts for confirming', () => {
    const query = new URLSearchParams(consentPath(token).split('?')[1]);
    const parsed = familyInput.safeParse({ action: 'confirm', token: query.get('token') });
    expect(parsed.success).toBe(true);
  });

  it('reads the token from the share button that was tapped', () => {
    expect(shareTokenOf({ id: 'b1', dataset: { token } })).toBe(token);
  });

  it('finds no token on a share from the menu or a button without one', () => {
    expect(shareTokenOf(undefined)).toBeNull();
    expect(shareTokenOf({ dataset: {} })).toBeNull();
    expect(shareTokenOf({ dataset: { token: '' } })).toBeNull();
    expect(shareTokenOf({ dataset: { token: 42 } })).toBeNull();
  });
});
