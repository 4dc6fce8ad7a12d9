import { describe, expect, it } from 'vitest';
import { input as registerInput } from '../../../shared/contracts/register';
import { input as newbornInput } from '../../../shared/contracts/newborn';
import { computeCheckDigit } from '../../../shared/id';
import { checkForm, idNumberProblem, withProblems } from '../../../miniprogram/src/lib/form';

const first17 = '35052119780312991';
const validId = first17 + computeCheckDigit(first17);
const wrongCheckDigit = first17 + (computeCheckDigit(first17) === '0' ? '1' : '0');

describe('checking a form with the function’s own schema', () => {
  it('hands back the parsed input when the register schema accepts it', () => {
    expect(checkForm(registerInput, { name: ' 张建国 ', idNumber: validId })).toEqual({
      ok: true,
      data: { name: '张建国', idNumber: validId },
    });
  });

  it('puts each Chinese message under the field it belongs to', () => {
    expect(checkForm(registerInput, { name: '', idNumber: '' })).toEqual({
      ok: false,
      errors: { name: '请填写姓名', idNumber: '请填写身份证号码' },
    });
  });

  it('names nested fields by their path', () => {
    const checked = checkForm(newbornInput, {
      action: 'check',
      baby: {
        kind: 'birthCertificate',
        name: '陈安安',
        certificateNumber: '123',
        sex: 'female',
        birthDate: '2024-10-08',
      },
    });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(Object.keys(checked.errors)).toEqual(['baby.certificateNumber']);
  });
});

describe('checking an ID number on the phone', () => {
  it('accepts a number whose check digit is right', () => {
    expect(idNumberProblem(validId, '2024-11-15')).toBeNull();
  });

  it('says the check digit is wrong when one digit was mistyped', () => {
    expect(idNumberProblem(wrongCheckDigit, '2024-11-15')).toContain('校验位不正确');
  });

  it('says how many digits were typed when the length is wrong', () => {
    expect(idNumberProblem('3505211978', '2024-11-15')).toBe('身份证号码应为18位，您输入了10位');
  });

  it('adds the ID problem to a form the schema accepted', () => {
    const checked = withProblems(checkForm(registerInput, { name: '张建国', idNumber: wrongCheckDigit }), {
      idNumber: idNumberProblem(wrongCheckDigit, '2024-11-15'),
    });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors.idNumber).toContain('校验位不正确');
  });

  it('keeps the schema’s own message when both found a problem with the same field', () => {
    const checked = withProblems(checkForm(registerInput, { name: '张建国', idNumber: '' }), {
      idNumber: idNumberProblem('', '2024-11-15'),
    });
    expect(checked).toEqual({ ok: false, errors: { idNumber: '请填写身份证号码' } });
  });

  it('leaves an accepted form alone when there is no extra problem', () => {
    const checked = checkForm(registerInput, { name: '张建国', idNumber: validId });
    expect(withProblems(checked, { idNumber: null })).toBe(checked);
  });
});
