import { describe, it } from 'vitest';
import { check, type GoldenCase } from './golden';

// 泉政办明传〔2022〕42号：个人360元，财政610元；集中期2022-09-01—12-31；补缴期2023年全年。
const POLICY = 'fj-quanzhou-2023';

// One row per clause and boundary: kept one line each so the table reads like the document.
// prettier-ignore
const cases: GoldenCase[] = [
  { name: 'a payment on 31 Aug 2022, before the central period opens, is refused', payDate: '2022-08-31', expect: { payable: false, reasonIncludes: '2022-09-01' } },
  { name: 'a payment on 1 Sep 2022 in the central period covers from 1 Jan 2023', payDate: '2022-09-01', expect: { payable: true, amountDue: 360, coverageStart: '2023-01-01', waitingLastDay: null, clause: '一（一）' } },
  { name: 'a payment on 31 Dec 2022 still covers from 1 Jan 2023', payDate: '2022-12-31', expect: { coverageStart: '2023-01-01' } },
  { name: 'a back-payment on 1 Jan 2023 has no waiting period and covers from the pay date', payDate: '2023-01-01', expect: { coverageStart: '2023-01-01', waitingLastDay: null, clause: '一（二）' } },
  { name: 'a back-payment on 28 Feb 2023 has no waiting period and covers from the pay date', payDate: '2023-02-28', expect: { coverageStart: '2023-02-28', waitingLastDay: null } },
  { name: 'a back-payment on 1 Mar 2023 waits 60 days (2 Mar–30 Apr) and covers from 1 May', payDate: '2023-03-01', expect: { coverageStart: '2023-05-01', waitingLastDay: '2023-04-30', clause: '一（二）' } },
  { name: 'a back-payment on 30 Jun 2023 costs the personal standard of 360 yuan', payDate: '2023-06-30', expect: { amountDue: 360, standardAmount: 360 } },
  { name: 'a back-payment on 1 Jul 2023 costs personal plus fiscal, 360 + 610 yuan', payDate: '2023-07-01', expect: { amountDue: 360 + 610, clause: '二' } },
  { name: 'a newborn paid on day 90 after birth is covered from the birth date', payDate: '2023-06-30', person: { birthDate: '2023-04-01' }, expect: { coverageStart: '2023-04-01', waitingLastDay: null, clause: '四（五）' } },
  { name: 'a newborn paid on day 91 after birth is covered from the pay date, with no waiting period', payDate: '2023-07-01', person: { birthDate: '2023-04-01' }, expect: { coverageStart: '2023-07-01', waitingLastDay: null, clause: '四（五）' } },
  { name: 'a newborn paying from 1 Jul 2023 still pays only the personal standard', payDate: '2023-07-01', person: { birthDate: '2023-04-01' }, expect: { amountDue: 360 } },
  { name: 'a baby born in Dec 2022 and paid within 90 days in Jan 2023 is covered from 1 Jan 2023, the start of that year', payDate: '2023-01-20', person: { birthDate: '2022-12-15' }, expect: { coverageStart: '2023-01-01' } },
  { name: 'a new entrant of Sep 2022 who pays by 28 Feb 2023 is covered from 1 Sep 2022 to 31 Dec 2023', payDate: '2023-02-28', person: { student: 'new', studentLevel: 'school' }, expect: { coverageStart: '2022-09-01', coverageEnd: '2023-12-31', amountDue: 360, clause: '四（四）' } },
  { name: 'an enrolled student who pays in Jan 2023 is covered from 1 Jan 2023', payDate: '2023-01-15', person: { student: 'enrolled', studentLevel: 'university' }, expect: { coverageStart: '2023-01-01', clause: '四（四）' } },
  { name: 'an enrolled student who pays on 1 Mar 2023 waits 60 days', payDate: '2023-03-01', person: { student: 'enrolled', studentLevel: 'university' }, expect: { coverageStart: '2023-05-01', waitingLastDay: '2023-04-30', clause: '四（四）' } },
  { name: 'a new entrant paying on 1 Mar 2023 is exempt from waiting under 一（二）, with a note that other rules decide', payDate: '2023-03-01', person: { student: 'new', studentLevel: 'university' }, expect: { coverageStart: '2023-03-01', warningIncludes: '有关规定' } },
  { name: 'a resident leaving employee insurance pays the personal standard after 1 Jul and waits nothing', payDate: '2023-07-01', person: { employeeInsuranceEndedOn: '2023-06-15' }, expect: { amountDue: 360, coverageStart: '2023-07-01' } },
  { name: 'a hardship resident is told the reduction follows 泉政文〔2019〕86号, which is not in the seeds', payDate: '2022-10-01', person: { categories: ['hardship'] }, expect: { amountDue: 360, subsidyAmount: 0, warningIncludes: '泉政文〔2019〕86号', clause: '三' } },
  { name: 'a hardship resident paying on 1 Mar 2023 is exempt from waiting', payDate: '2023-03-01', person: { categories: ['hardship'] }, expect: { coverageStart: '2023-03-01' } },
  { name: 'a back-payment on 31 Oct 2023 waits until 30 Dec and buys one day of cover', payDate: '2023-10-31', expect: { waitingLastDay: '2023-12-30', coverageStart: '2023-12-31' } },
  { name: 'a back-payment on 1 Nov 2023 buys no cover this year and says so before paying', payDate: '2023-11-01', expect: { payable: true, waitingLastDay: '2023-12-31', coverageStart: null, warningIncludes: '不能享受2023年度待遇' } },
  { name: 'family mutual-aid payment is not offered because the document names none', payDate: '2022-10-01', channel: 'family', expect: { payable: false, reasonIncludes: '家庭共济' } },
];

describe('泉州市2023年度（泉政办明传〔2022〕42号）', () => {
  it.each(cases)('$name', (c) => check(POLICY, c));
});
