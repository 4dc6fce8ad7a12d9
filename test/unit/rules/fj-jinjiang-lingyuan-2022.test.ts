import { describe, it } from 'vitest';
import { check, type GoldenCase } from './golden';

// 晋政灵〔2021〕111号：个人330元，财政580元；登记期2021-09-01起，缴费期2021-10-10起；补缴期3月10日为界。
const POLICY = 'fj-jinjiang-lingyuan-2022';

// One row per clause and boundary: kept one line each so the table reads like the document.
// prettier-ignore
const cases: GoldenCase[] = [
  { name: 'on 1 Sep 2021 the registration window is open but payments are not taken yet', payDate: '2021-09-01', expect: { payable: false, reasonIncludes: '2021-10-10' } },
  { name: 'on 9 Oct 2021 payments are still not taken', payDate: '2021-10-09', expect: { payable: false, reasonIncludes: '集中登记期' } },
  { name: 'a payment on 10 Oct 2021 opens the payment window and covers from 1 Jan 2022', payDate: '2021-10-10', expect: { payable: true, amountDue: 330, coverageStart: '2022-01-01', clause: '一（二）' } },
  { name: 'a back-payment on 10 Mar 2022 has no waiting period', payDate: '2022-03-10', expect: { coverageStart: '2022-03-10', waitingLastDay: null, clause: '一（三）' } },
  { name: 'a back-payment on 11 Mar 2022 waits 60 days and covers from 11 May', payDate: '2022-03-11', expect: { waitingLastDay: '2022-05-10', coverageStart: '2022-05-11' } },
  { name: 'a back-payment on 30 Jun 2022 costs 330 yuan', payDate: '2022-06-30', expect: { amountDue: 330 } },
  { name: 'a back-payment on 1 Jul 2022 costs 330 + 580 yuan', payDate: '2022-07-01', expect: { amountDue: 330 + 580, clause: '二' } },
  { name: 'employee insurance stopped exactly 3 months before paying still counts as a transfer: no waiting, personal standard', payDate: '2022-07-01', person: { employeeInsuranceEndedOn: '2022-04-01' }, expect: { amountDue: 330, coverageStart: '2022-07-01' } },
  { name: 'employee insurance stopped 3 months and a day before paying is no longer a transfer', payDate: '2022-07-01', person: { employeeInsuranceEndedOn: '2022-03-31' }, expect: { amountDue: 330 + 580, coverageStart: '2022-08-31', waitingLastDay: '2022-08-30' } },
  { name: 'a newborn paying after 10 Mar 2022 has no waiting period and pays the personal standard after 1 Jul', payDate: '2022-07-15', person: { birthDate: '2022-06-01' }, expect: { amountDue: 330, coverageStart: '2022-07-15', waitingLastDay: null } },
  { name: 'a minimum-living recipient (农村低收入人口) is exempt from waiting and fully subsidised', payDate: '2022-03-11', person: { categories: ['minimum-living'] }, expect: { amountDue: 0, subsidyAmount: 330, coverageStart: '2022-03-11', clause: '三（二）1' } },
  { name: 'a low-income-family minor one day short of 18 pays 30% of 330 yuan', payDate: '2021-11-01', person: { birthDate: '2003-11-02', categories: ['low-income-minor'] }, expect: { amountDue: 330 * 0.3, clause: '三（二）2' } },
  { name: 'a low-income-family member who turned 18 on the pay date pays in full, with a warning', payDate: '2021-11-01', person: { birthDate: '2003-11-01', categories: ['low-income-minor'] }, expect: { amountDue: 330, warningIncludes: '未满18周岁' } },
  { name: 'a low-income-family elder who turns 60 on the pay date pays 30%', payDate: '2021-11-01', person: { birthDate: '1961-11-01', categories: ['low-income-elder'] }, expect: { amountDue: 99 } },
  { name: 'an old-revolutionary-area villager born 31 Dec 1961 is fully subsidised', payDate: '2021-11-01', person: { birthDate: '1961-12-31', categories: ['old-revolutionary-area-elder'] }, expect: { amountDue: 0 } },
  { name: 'an old-revolutionary-area villager born 1 Jan 1962 is not', payDate: '2021-11-01', person: { birthDate: '1962-01-01', categories: ['old-revolutionary-area-elder'] }, expect: { amountDue: 330, warningIncludes: '1962-01-01前出生' } },
  { name: 'a rural only-son household gets a fixed 30 yuan subsidy', payDate: '2021-11-01', person: { categories: ['only-son-parent'] }, expect: { amountDue: 330 - 30, subsidyAmount: 30 } },
  { name: 'of several categories the most favourable one applies', payDate: '2021-11-01', person: { categories: ['only-son-parent', 'severe-disability'] }, expect: { amountDue: 0 } },
  { name: 'a new college student of Sep 2021 paying in the payment window is covered from the pay date through 2022', payDate: '2021-11-15', person: { student: 'new', studentLevel: 'university' }, expect: { coverageStart: '2021-11-15', coverageEnd: '2022-12-31', clause: '四（四）' } },
];

describe('晋江市灵源街道2022年度（晋政灵〔2021〕111号）', () => {
  it.each(cases)('$name', (c) => check(POLICY, c));
});
