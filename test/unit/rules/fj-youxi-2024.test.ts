import { describe, it } from 'vitest';
import { check, type GoldenCase } from './golden';

// 尤政办〔2023〕35号：个人380元，财政640元；正常缴费期2023-09-01—12-31；延长期至2024-02-29；补缴期至11月1日。
const POLICY = 'fj-youxi-2024';

// One row per clause and boundary: kept one line each so the table reads like the document.
// prettier-ignore
const cases: GoldenCase[] = [
  { name: 'a payment on 31 Aug 2023 is before the normal period and refused', payDate: '2023-08-31', expect: { payable: false } },
  { name: 'a payment on 1 Sep 2023 covers from 1 Jan 2024', payDate: '2023-09-01', expect: { amountDue: 380, coverageStart: '2024-01-01', clause: '四（一）' } },
  { name: 'a payment on 1 Jan 2024 in the extension covers from the pay date', payDate: '2024-01-01', expect: { coverageStart: '2024-01-01', clause: '四（二）' } },
  { name: 'a payment on 29 Feb 2024 (leap day) is still in the extension, no waiting', payDate: '2024-02-29', expect: { coverageStart: '2024-02-29', waitingLastDay: null } },
  { name: 'a back-payment on 1 Mar 2024 waits 60 days (to 30 Apr) and covers from 1 May', payDate: '2024-03-01', expect: { waitingLastDay: '2024-04-30', coverageStart: '2024-05-01', clause: '四（三）' } },
  { name: 'a back-payment on 30 Jun 2024 costs the 380 yuan standard', payDate: '2024-06-30', expect: { amountDue: 380 } },
  { name: 'a back-payment on 1 Jul 2024 costs 380 + 640 yuan', payDate: '2024-07-01', expect: { amountDue: 380 + 640 } },
  { name: 'a back-payment on 31 Oct 2024 waits to 30 Dec and covers one day', payDate: '2024-10-31', expect: { coverageStart: '2024-12-31' } },
  { name: 'a back-payment on 1 Nov 2024, the last day, buys no cover this year and warns', payDate: '2024-11-01', expect: { payable: true, waitingLastDay: '2024-12-31', coverageStart: null, warningIncludes: '不能享受2024年度待遇' } },
  { name: 'a payment on 2 Nov 2024 is refused: the back-payment period ended on 1 Nov', payDate: '2024-11-02', expect: { payable: false, reasonIncludes: '2024-11-01' } },
  { name: 'a newborn paid on day 90 is covered from birth', payDate: '2024-06-09', person: { birthDate: '2024-03-11' }, expect: { coverageStart: '2024-03-11', clause: '四（四）' } },
  { name: 'a newborn paid on day 91 is covered from the pay date without waiting', payDate: '2024-06-10', person: { birthDate: '2024-03-11' }, expect: { coverageStart: '2024-06-10', waitingLastDay: null, clause: '四（四）' } },
  { name: 'a newborn paying after 1 Jul pays the annual standard, not the full cost', payDate: '2024-07-20', person: { birthDate: '2024-05-01' }, expect: { amountDue: 380 } },
  { name: 'a minimum-living recipient pays the fixed 38 yuan (10%)', payDate: '2023-10-01', person: { categories: ['minimum-living'] }, expect: { amountDue: 38, subsidyAmount: 380 - 38, clause: '七（二）' } },
  { name: 'a person in extreme poverty is fully funded by medical assistance', payDate: '2023-10-01', person: { categories: ['extreme-poverty'] }, expect: { amountDue: 0, clause: '七（一）' } },
  { name: 'a county-funded disabled resident pays nothing', payDate: '2023-10-01', person: { categories: ['disability'] }, expect: { amountDue: 0, clause: '七（三）' } },
  { name: 'a medical-assistance recipient is exempt from the 60-day wait', payDate: '2024-03-01', person: { categories: ['minimum-living'] }, expect: { coverageStart: '2024-03-01', waitingLastDay: null } },
  { name: 'a minimum-living recipient back-paying after 1 Jul is charged by the letter and warned', payDate: '2024-07-01', person: { categories: ['minimum-living'] }, expect: { standardAmount: 380 + 640, amountDue: 380 + 640 - 342, warningIncludes: '以医保经办机构核定为准' } },
  { name: 'family mutual-aid payment is not offered in Youxi', payDate: '2023-10-01', channel: 'family', expect: { payable: false } },
];

describe('尤溪县2024年度（尤政办〔2023〕35号）', () => {
  it.each(cases)('$name', (c) => check(POLICY, c));
});
