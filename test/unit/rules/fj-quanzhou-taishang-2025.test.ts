import { describe, it } from 'vitest';
import { check, type GoldenCase } from './golden';

// 台商投资区2025年度工作方案：个人400元，财政670元；延长期至2025-02-28；补缴期3个月等待期；家庭共济限集中期和延长期。
const POLICY = 'fj-quanzhou-taishang-2025';

// One row per clause and boundary: kept one line each so the table reads like the document.
// prettier-ignore
const cases: GoldenCase[] = [
  { name: 'a payment on 31 Aug 2024 is refused', payDate: '2024-08-31', expect: { payable: false } },
  { name: 'a payment on 1 Sep 2024 covers from 1 Jan 2025', payDate: '2024-09-01', expect: { amountDue: 400, coverageStart: '2025-01-01', clause: '一（一）' } },
  { name: 'a payment on 28 Feb 2025 in the extension covers from the pay date', payDate: '2025-02-28', expect: { coverageStart: '2025-02-28', clause: '一（二）' } },
  { name: 'a back-payment on 1 Mar 2025 waits 3 months, to 1 Jun, and covers from 2 Jun', payDate: '2025-03-01', expect: { waitingLastDay: '2025-06-01', coverageStart: '2025-06-02', clause: '一（三）' } },
  { name: 'a 3-month wait from 31 Mar ends on 30 Jun, the month end', payDate: '2025-03-31', expect: { waitingLastDay: '2025-06-30', coverageStart: '2025-07-01' } },
  { name: 'a 3-month wait from 31 May ends on 31 Aug', payDate: '2025-05-31', expect: { waitingLastDay: '2025-08-31', coverageStart: '2025-09-01' } },
  { name: 'a 3-month wait from 30 Sep ends on 30 Dec and leaves one day of cover', payDate: '2025-09-30', expect: { waitingLastDay: '2025-12-30', coverageStart: '2025-12-31' } },
  { name: 'a back-payment on 1 Oct 2025 buys no cover this year', payDate: '2025-10-01', expect: { waitingLastDay: '2026-01-01', coverageStart: null, warningIncludes: '不能享受2025年度待遇' } },
  { name: 'a 3-month wait from 30 Nov ends on 28 Feb of the next year', payDate: '2025-11-30', expect: { waitingLastDay: '2026-02-28', coverageStart: null } },
  { name: 'a back-payment on 30 Jun 2025 costs 400 yuan', payDate: '2025-06-30', expect: { amountDue: 400 } },
  { name: 'a back-payment on 1 Jul 2025 costs 400 + 670 yuan', payDate: '2025-07-01', expect: { amountDue: 400 + 670, clause: '二' } },
  { name: 'family mutual-aid payment is accepted on 28 Feb 2025, in the extension period', payDate: '2025-02-28', channel: 'family', expect: { payable: true, clause: '五（三）' } },
  { name: 'family mutual-aid payment is refused on 1 Mar 2025', payDate: '2025-03-01', channel: 'family', expect: { payable: false, reasonIncludes: '家庭共济代缴仅限' } },
  { name: 'a minimum-living recipient pays nothing: 90% medical assistance and 10% charity', payDate: '2024-10-01', person: { categories: ['minimum-living'] }, expect: { amountDue: 0, clause: '三（二）2' } },
  { name: 'a monitored rural resident pays 10% of 400 yuan', payDate: '2024-10-01', person: { categories: ['monitored-rural'] }, expect: { amountDue: 400 * 0.1, clause: '三（二）3' } },
  { name: 'an elder of a marginal low-income family who is 60 on the pay date pays 30%', payDate: '2024-10-01', person: { birthDate: '1964-10-01', categories: ['marginal-elder'] }, expect: { amountDue: 400 * 0.3, clause: '三（二）5' } },
  { name: 'a member of a marginal low-income family aged 59 is not in that category', payDate: '2024-10-01', person: { birthDate: '1964-10-02', categories: ['marginal-elder'] }, expect: { amountDue: 400, warningIncludes: '年满60周岁' } },
  { name: 'a needy university student is fully subsidised by the district', payDate: '2024-10-01', person: { categories: ['needy-university-student'] }, expect: { amountDue: 0, clause: '三（二）7' } },
  { name: 'a new university entrant paying by 28 Feb 2025 is covered from 1 Sep 2024 to 31 Dec 2025', payDate: '2025-02-28', person: { student: 'new', studentLevel: 'university' }, expect: { coverageStart: '2024-09-01', coverageEnd: '2025-12-31', clause: '四（四）' } },
  { name: 'an enrolled university student paying in the central period is covered from 1 Jan 2025', payDate: '2024-10-01', person: { student: 'enrolled', studentLevel: 'university' }, expect: { coverageStart: '2025-01-01' } },
  { name: 'a new university entrant paying on 1 Mar 2025 is exempt from waiting, deferring to provincial rules', payDate: '2025-03-01', person: { student: 'new', studentLevel: 'university' }, expect: { coverageStart: '2025-03-01', warningIncludes: '省、市有关规定' } },
  { name: 'a newborn paid on day 90 is covered from birth', payDate: '2025-04-01', person: { birthDate: '2025-01-01' }, expect: { coverageStart: '2025-01-01', clause: '四（五）' } },
  { name: 'a newborn paid on day 91 is covered from the pay date', payDate: '2025-04-02', person: { birthDate: '2025-01-01' }, expect: { coverageStart: '2025-04-02', waitingLastDay: null } },
  { name: 'a baby born in Oct 2024 and paid in the central period is covered from 1 Jan 2025', payDate: '2024-11-01', person: { birthDate: '2024-10-15' }, expect: { coverageStart: '2025-01-01' } },
  { name: 'a hardship resident back-paying after 1 Jul pays 10% and waits nothing', payDate: '2025-07-01', person: { categories: ['monitored-rural'] }, expect: { amountDue: 40, coverageStart: '2025-07-01' } },
];

describe('泉州台商投资区2025年度工作方案', () => {
  it.each(cases)('$name', (c) => check(POLICY, c));
});
