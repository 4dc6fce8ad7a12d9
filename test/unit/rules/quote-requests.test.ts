import { describe, expect, it } from 'vitest';
import { answerQuote } from '../../../shared/rules';
import { computeCheckDigit } from '../../../shared/id';
import { input as quoteInput } from '../../../shared/contracts/quote';
import { TODAY } from './golden';

const validId = (first17: string) => first17 + computeCheckDigit(first17);

describe('quote requests', () => {
  it('refuses an unknown policy with a Chinese message', () => {
    const answer = answerQuote({ policyId: 'xx-nowhere-2099', payDate: '2024-01-01', person: {} }, TODAY);
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_POLICY' } });
    if (!answer.ok) expect(answer.error.message).toMatch(/没有找到/);
  });

  it('refuses an ID number with a wrong check digit', () => {
    const good = validId('35042620240311002');
    const bad = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    const answer = answerQuote({ policyId: 'fj-youxi-2024', payDate: '2024-06-09', person: { idNumber: bad } }, TODAY);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_ID_NUMBER' } });
  });

  it('reads the birth date from the ID number, so a newborn paid on day 90 is covered from birth', () => {
    const answer = answerQuote(
      { policyId: 'fj-youxi-2024', payDate: '2024-06-09', person: { idNumber: validId('35042620240311002') } },
      TODAY,
    );
    expect(answer.ok && answer.data.coverageStart).toBe('2024-03-11');
  });

  it('refuses a birth date that disagrees with the ID number', () => {
    const answer = answerQuote(
      {
        policyId: 'fj-youxi-2024',
        payDate: '2024-06-09',
        person: { idNumber: validId('35042620240311002'), birthDate: '2024-03-12' },
      },
      TODAY,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'BIRTH_DATE_MISMATCH' } });
  });

  it('refuses a category the policy does not list', () => {
    const answer = answerQuote(
      { policyId: 'ah-lingbi-zhuji-2023', payDate: '2022-11-01', person: { categories: ['disability'] } },
      TODAY,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CATEGORY' } });
  });

  it('refuses to quote a payment before the person is born', () => {
    const answer = answerQuote(
      { policyId: 'fj-youxi-2024', payDate: '2024-03-01', person: { birthDate: '2024-03-02' } },
      TODAY,
    );
    expect(answer.ok && answer.data.payable).toBe(false);
  });

  it('rejects an impossible pay date at the contract with a Chinese message', () => {
    const parsed = quoteInput.safeParse({ policyId: 'fj-youxi-2024', payDate: '2024-02-30', person: {} });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/YYYY-MM-DD/);
  });

  it('rejects fields the contract does not know', () => {
    expect(
      quoteInput.safeParse({ policyId: 'fj-youxi-2024', payDate: '2024-03-01', person: {}, openid: 'x' }).success,
    ).toBe(false);
  });
});
