import { yuan } from '../money';
import type { PolicyInput } from '../policy-schema';

const DOC = '泉政办明传〔2022〕42号';
const src = (clause: string) => ({ document: DOC, clause });
const DEFERRED = '泉政文〔2019〕86号';

/** 泉州市 2023 年度城乡居民医保 (forwarded to residents by 泉港区人民政府办公室). */
export const fjQuanzhou2023: PolicyInput = {
  id: 'fj-quanzhou-2023',
  name: '泉州市2023年度城乡居民基本医保',
  jurisdiction: '福建省泉州市（泉港区转发）',
  regionCode: '3505',
  coverageYear: 2023,
  coverage: {
    start: '2023-01-01',
    end: '2023-12-31',
    source: src('一（一）'),
  },
  documents: [
    {
      number: DOC,
      title: '泉州市人民政府办公室关于做好2023年城乡居民基本医保参保登记和基金征缴工作的通知',
      issuer: '泉州市人民政府办公室',
      forwardedBy: '泉州市泉港区人民政府办公室',
    },
  ],
  contribution: {
    personal: { value: yuan(360), source: src('二') },
    fiscal: { value: yuan(610), source: src('二') },
  },
  windows: [
    {
      id: 'central',
      kind: 'central',
      label: '集中参保缴费期',
      start: '2022-09-01',
      end: '2022-12-31',
      acceptsPayment: true,
      benefitStart: { kind: 'coverageYearStart' },
      source: src('一（一）'),
      note: '按年度参保，集中期缴费自2023年1月1日起享受待遇。',
    },
    {
      id: 'back-payment-early',
      kind: 'back-payment',
      label: '参保补缴期（2月28日前，不设等待期）',
      start: '2023-01-01',
      end: '2023-02-28',
      acceptsPayment: true,
      benefitStart: { kind: 'payDate' },
      source: src('一（二）'),
    },
    {
      id: 'back-payment',
      kind: 'back-payment',
      label: '参保补缴期（3月1日起，设60日等待期）',
      start: '2023-03-01',
      end: '2023-12-31',
      acceptsPayment: true,
      benefitStart: { kind: 'afterWaiting', waiting: { unit: 'day', length: 60 } },
      source: src('一（二）'),
    },
  ],
  waitingExemptions: [
    { group: 'newborn', source: src('一（二）') },
    { group: 'newStudent', source: src('一（二）'), deferredTo: '有关规定' },
    { group: 'employeeTransfer', source: src('一（二）'), deferredTo: '有关规定' },
    { group: 'hardship', source: src('一（二）'), deferredTo: '有关规定' },
  ],
  fullCost: {
    from: '2023-07-01',
    source: src('二'),
    exempt: [
      { group: 'newborn', source: src('二') },
      { group: 'newStudent', source: src('二') },
      { group: 'employeeTransfer', source: src('二') },
      { group: 'hardship', source: src('二') },
    ],
  },
  employeeTransfer: {
    source: src('一（二）'),
    deferredTo: '有关规定',
    note: '文件未写明职工医保转居民医保的时限条件。',
  },
  newborn: { withinDays: 90, after: 'payDate', identity: 'any', source: src('四（五）') },
  students: [
    {
      student: 'new',
      levels: ['university', 'school'],
      paidFrom: '2022-09-01',
      paidTo: '2023-02-28',
      benefitStart: { kind: 'fixed', date: '2022-09-01' },
      coverageEnd: '2023-12-31',
      source: src('四（四）'),
      note: '今年9月份入学新生2022年9月至12月不需要缴费。',
    },
    {
      student: 'enrolled',
      levels: ['university', 'school'],
      paidFrom: '2022-09-01',
      paidTo: '2023-02-28',
      benefitStart: { kind: 'fixed', date: '2023-01-01' },
      source: src('四（四）'),
    },
    {
      student: 'enrolled',
      levels: ['university', 'school'],
      paidFrom: '2023-03-01',
      paidTo: '2023-10-31',
      benefitStart: { kind: 'afterWaiting', waiting: { unit: 'day', length: 60 } },
      source: src('四（四）'),
    },
  ],
  categories: [
    {
      id: 'hardship',
      label: '困难人口（减免对象）',
      share: { kind: 'deferred', document: DEFERRED },
      groups: ['hardship'],
      source: src('三'),
      note: `减免对象及补助标准按${DEFERRED}执行，由民政、农业农村、卫健、残联、退役军人事务等部门审核认定。`,
    },
  ],
  subsidiesDeferredTo: { document: DEFERRED, source: src('三') },
  wholeHousehold: { source: src('四（二）') },
  autoRenewal: { source: src('四（一）') },
  eligibility: [
    { kind: 'hukou', label: '本市户籍城乡居民（持《户口簿》）', source: src('四（二）') },
    { kind: 'residencePermit', label: '持本市《居住证》的居民', source: src('四（二）') },
    { kind: 'hkMacaoTaiwan', label: '在泉州居住的非从业港澳台人员（持港澳台居民居住证）', source: src('四（二）') },
    { kind: 'student', label: '在本市就读的非泉州户籍学生（由学校组织参保）', source: src('四（二）') },
  ],
  notes: [
    {
      text: `参保范围及减免对象按${DEFERRED}执行，该文件不在本系统收录范围。`,
      source: src('三'),
    },
    {
      text: '新增认定的减免对象，相关待遇从认定之日次月起执行；认定前个人当年已参保的，不再资助参保。',
      source: src('四（六）'),
    },
    {
      text: '享受定额资助的减免对象经多次动员仍不按规定缴费参保的，视为放弃当年医疗保险和救助待遇。',
      source: src('四（六）'),
    },
  ],
};
