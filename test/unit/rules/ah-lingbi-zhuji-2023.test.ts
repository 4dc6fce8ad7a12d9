import { describe, expect, it } from 'vitest';
import { check, quote, type GoldenCase } from './golden';

// 朱政〔2022〕34号：个人350元，财政610元；集中缴费2022年10—12月；无一般补缴期。
const POLICY = 'ah-lingbi-zhuji-2023';

// One row per clause and boundary: kept one line each so the table reads like the document.
// prettier-ignore
const cases: GoldenCase[] = [
  { name: 'a payment on 30 Sep 2022 is before the collection stage and refused', payDate: '2022-09-30', expect: { payable: false } },
  { name: 'a payment on 1 Oct 2022 covers 1 Jan–31 Dec 2023', payDate: '2022-10-01', expect: { amountDue: 350, coverageStart: '2023-01-01', coverageEnd: '2023-12-31', clause: '三（三）' } },
  { name: 'a payment on 31 Dec 2022 still covers from 1 Jan 2023', payDate: '2022-12-31', expect: { coverageStart: '2023-01-01' } },
  { name: 'an ordinary resident cannot pay on 1 Jan 2023: there is no general back-payment', payDate: '2023-01-01', expect: { payable: false, reasonIncludes: '此后仅限' } },
  { name: 'a returning migrant worker may pay until 28 Feb 2023 and is covered from 1 Jan', payDate: '2023-02-28', person: { migrantWorker: true }, expect: { payable: true, coverageStart: '2023-01-01' } },
  { name: 'a returning migrant worker cannot pay on 1 Mar 2023', payDate: '2023-03-01', person: { migrantWorker: true }, expect: { payable: false } },
  { name: 'a soldier discharged this year is covered from the day after paying', payDate: '2023-05-10', person: { categories: ['discharged-soldier'] }, expect: { coverageStart: '2023-05-11', waitingLastDay: null } },
  { name: 'a person released from prison is covered from the day after paying', payDate: '2023-08-01', person: { categories: ['released-from-other-schemes'] }, expect: { coverageStart: '2023-08-02' } },
  { name: 'two years of employee insurance broken exactly 3 months ago: covered from the next day', payDate: '2023-05-10', person: { employeeInsuranceEndedOn: '2023-02-10', employeeInsuranceYears: 2 }, expect: { coverageStart: '2023-05-11', waitingLastDay: null } },
  { name: 'two years of employee insurance broken 3 months and a day ago: a 6-month wait', payDate: '2023-05-11', person: { employeeInsuranceEndedOn: '2023-02-10', employeeInsuranceYears: 2 }, expect: { waitingLastDay: '2023-11-11', coverageStart: '2023-11-12' } },
  { name: 'a 6-month wait from 31 Mar ends on 30 Sep', payDate: '2023-03-31', person: { employeeInsuranceEndedOn: '2022-11-01', employeeInsuranceYears: 5 }, expect: { waitingLastDay: '2023-09-30', coverageStart: '2023-10-01' } },
  { name: 'a 6-month wait from 31 Aug ends on 29 Feb 2024 and buys no cover in 2023', payDate: '2023-08-31', person: { employeeInsuranceEndedOn: '2022-11-01', employeeInsuranceYears: 5 }, expect: { waitingLastDay: '2024-02-29', coverageStart: null } },
  { name: 'less than two years of employee insurance gives no late-enrollment right', payDate: '2023-05-10', person: { employeeInsuranceEndedOn: '2023-04-10', employeeInsuranceYears: 1 }, expect: { payable: false, warningIncludes: '不足2年' } },
  { name: 'an employee-insurance break with the years not given asks for the years instead of calling them too few', payDate: '2023-05-10', person: { employeeInsuranceEndedOn: '2023-04-10' }, expect: { payable: false, warningIncludes: '未填写职工医保连续参保年限' } },
  { name: 'a newborn registered on day 90 is covered from birth', payDate: '2023-05-30', person: { birthDate: '2023-03-01' }, expect: { payable: true, coverageStart: '2023-03-01', clause: '三（二）1' } },
  { name: 'a newborn on day 91 has no route in this document and is refused with the reason', payDate: '2023-05-31', person: { birthDate: '2023-03-01' }, expect: { payable: false, reasonIncludes: '90日' } },
  { name: 'a minimum-living recipient pays 50 yuan', payDate: '2022-11-01', person: { categories: ['minimum-living'] }, expect: { amountDue: 50, subsidyAmount: 300, clause: '三（二）2（2）' } },
  { name: 'a person returned to poverty pays 80 yuan', payDate: '2022-11-01', person: { categories: ['returned-to-poverty'] }, expect: { amountDue: 80, subsidyAmount: 270 } },
  { name: 'a monitored person pays 175 yuan', payDate: '2022-11-01', person: { categories: ['monitored'] }, expect: { amountDue: 175, subsidyAmount: 175 } },
  { name: 'a person in extreme poverty is fully subsidised with 350 yuan', payDate: '2022-11-01', person: { categories: ['extreme-poverty'] }, expect: { amountDue: 0, subsidyAmount: 350 } },
  { name: 'a stably lifted-out-of-poverty person outside monitoring pays the full 350 yuan', payDate: '2022-11-01', person: { categories: ['stable-lifted-out-of-poverty'] }, expect: { amountDue: 350, subsidyAmount: 0 } },
  { name: 'a migrant minimum-living recipient paying on 28 Feb 2023 is still subsidised', payDate: '2023-02-28', person: { migrantWorker: true, categories: ['minimum-living'] }, expect: { amountDue: 50 } },
  { name: 'a newly certified minimum-living recipient enrolling in May is subsidised and covered from the next day', payDate: '2023-05-10', person: { categories: ['new-assistance-recipient', 'minimum-living'] }, expect: { amountDue: 50, coverageStart: '2023-05-11' } },
  { name: 'after 28 Feb 2023 a discharged soldier who is an old minimum-living recipient is no longer subsidised', payDate: '2023-05-10', person: { categories: ['discharged-soldier', 'minimum-living'] }, expect: { amountDue: 350, warningIncludes: '不再资助参保' } },
  { name: 'family mutual-aid payment is not offered in Lingbi', payDate: '2022-11-01', channel: 'family', expect: { payable: false } },
];

describe('灵璧县朱集镇2023年度（朱政〔2022〕34号）', () => {
  it.each(cases)('$name', (c) => check(POLICY, c));

  it('a discharged soldier enrolling after 28 Feb 2023, who never had a subsidy, is not told a subsidy was withheld', () => {
    const q = quote(POLICY, '2023-05-10', { categories: ['discharged-soldier'] });
    expect(q.amountDue).toBe(350);
    expect(q.warnings.join('\n')).not.toContain('资助未计入');
  });
});
