import { yuan } from '../money';
import type { PolicyInput } from '../policy-schema';

const DOC = '泉州台商投资区2025年度工作方案';
const src = (clause: string) => ({ document: DOC, clause });
const PROVINCIAL = '省、市有关规定';

const funded = (id: string, label: string, clause: string, funder: string, hardship = false) => ({
  id,
  label,
  share: { kind: 'full' as const },
  funder,
  ...(hardship ? { groups: ['hardship' as const] } : {}),
  source: src(clause),
});

/** 泉州台商投资区 2025 年度城乡居民医保. */
export const fjQuanzhouTaishang2025: PolicyInput = {
  id: 'fj-quanzhou-taishang-2025',
  name: '泉州台商投资区2025年度城乡居民基本医保',
  jurisdiction: '福建省泉州市泉州台商投资区',
  regionCode: '350521',
  coverageYear: 2025,
  coverage: { start: '2025-01-01', end: '2025-12-31', source: src('一（一）') },
  documents: [
    {
      number: DOC,
      title:
        '泉州台商投资区管理委员会办公室关于印发泉州台商投资区2025年度城乡居民基本医保参保登记和基金征缴工作方案的通知',
      issuer: '泉州台商投资区管理委员会办公室',
      issuedOn: '2024-09-24',
    },
  ],
  contribution: {
    personal: { value: yuan(400), source: src('二') },
    fiscal: { value: yuan(670), source: src('二') },
  },
  windows: [
    {
      id: 'central',
      kind: 'central',
      label: '集中参保缴费期',
      start: '2024-09-01',
      end: '2024-12-31',
      acceptsPayment: true,
      benefitStart: { kind: 'coverageYearStart' },
      source: src('一（一）'),
    },
    {
      id: 'extension',
      kind: 'extension',
      label: '延长参保缴费期',
      start: '2025-01-01',
      end: '2025-02-28',
      acceptsPayment: true,
      benefitStart: { kind: 'payDate' },
      source: src('一（二）'),
    },
    {
      id: 'back-payment',
      kind: 'back-payment',
      label: '参保补缴期（3个月等待期）',
      start: '2025-03-01',
      end: '2025-12-31',
      acceptsPayment: true,
      benefitStart: { kind: 'afterWaiting', waiting: { unit: 'month', length: 3 } },
      source: src('一（三）'),
    },
  ],
  waitingExemptions: [
    { group: 'newborn', source: src('四（五）') },
    { group: 'newStudent', source: src('一（三）'), deferredTo: PROVINCIAL },
    { group: 'hardship', source: src('一（三）'), deferredTo: PROVINCIAL },
    { group: 'employeeTransfer', source: src('一（三）'), deferredTo: PROVINCIAL },
  ],
  fullCost: {
    from: '2025-07-01',
    source: src('二'),
    exempt: [
      { group: 'newborn', source: src('二') },
      { group: 'newStudent', source: src('二') },
      { group: 'hardship', source: src('二') },
      { group: 'employeeTransfer', source: src('二') },
    ],
  },
  employeeTransfer: {
    source: src('一（三）'),
    deferredTo: PROVINCIAL,
    note: '“符合条件的职工医保转参加居民医保人员”的条件由省、市有关规定确定。',
  },
  newborn: { withinDays: 90, after: 'payDate', identity: 'any', source: src('四（五）') },
  students: [
    {
      student: 'new',
      levels: ['university'],
      paidFrom: '2024-09-01',
      paidTo: '2025-02-28',
      benefitStart: { kind: 'fixed', date: '2024-09-01' },
      coverageEnd: '2025-12-31',
      source: src('四（四）'),
    },
    {
      student: 'enrolled',
      levels: ['university'],
      paidFrom: '2024-09-01',
      paidTo: '2025-02-28',
      benefitStart: { kind: 'fixed', date: '2025-01-01' },
      source: src('四（四）'),
    },
  ],
  categories: [
    funded('extreme-poverty', '特困供养人员', '三（二）1', '医疗救助基金全额资助', true),
    funded('orphan', '孤儿（含事实无人抚养儿童）', '三（二）1', '医疗救助基金全额资助', true),
    funded('key-entitled', '县级以上地方政府相关部门认定的重点优抚对象', '三（二）1', '医疗救助基金全额资助', true),
    funded('revolutionary-elders', '革命“五老”人员', '三（二）1', '医疗救助基金全额资助', true),
    funded('family-planning-special', '计划生育特殊家庭成员', '三（二）1', '医疗救助基金全额资助', true),
    funded('severe-disability', '重度残疾人', '三（二）1', '医疗救助基金全额资助', true),
    funded('minimum-living', '最低生活保障对象', '三（二）2', '医疗救助基金定额资助90%，区慈善总会补助10%', true),
    {
      id: 'monitored-rural',
      label: '纳入乡村振兴部门监测的农村易返贫致贫人员',
      share: { kind: 'personalPercent', percent: 10 },
      funder: '医疗救助基金定额资助90%',
      groups: ['hardship'],
      source: src('三（二）3'),
    },
    {
      id: 'lifted-out-of-poverty',
      label: '脱贫（享受政策）人员',
      share: { kind: 'personalPercent', percent: 10 },
      funder: '医疗救助基金定额资助90%',
      groups: ['hardship'],
      source: src('三（二）3'),
    },
    funded('multi-disability-household', '一户多残家庭中的残疾人', '三（二）4', '区财政全额补助'),
    funded('retrenched-1960s', '二十世纪六十年代精简退职职工中享受40%救济的人员', '三（二）4', '区财政全额补助'),
    {
      id: 'marginal-disabled',
      label: '最低生活保障边缘家庭中的残疾人',
      share: { kind: 'personalPercent', percent: 30 },
      funder: '区财政补助70%',
      groups: ['hardship'],
      source: src('三（二）5'),
    },
    {
      id: 'marginal-elder',
      label: '最低生活保障边缘家庭中年满60周岁的老年人',
      share: { kind: 'personalPercent', percent: 30 },
      funder: '区财政补助70%',
      condition: { kind: 'ageAtLeast', years: 60 },
      groups: ['hardship'],
      source: src('三（二）5'),
    },
    {
      id: 'marginal-minor',
      label: '最低生活保障边缘家庭中未满18周岁的未成年人',
      share: { kind: 'personalPercent', percent: 30 },
      funder: '区财政补助70%',
      condition: { kind: 'ageBelow', years: 18 },
      groups: ['hardship'],
      source: src('三（二）5'),
    },
    funded('one-child-family-parent', '独生子女父母光荣证或农村二女绝育家庭的夫妻', '三（二）6', '区财政全额补助'),
    {
      ...funded(
        'one-child-family-child',
        '独生子女父母光荣证或农村二女绝育家庭的未满18周岁子女',
        '三（二）6',
        '区财政全额补助',
      ),
      condition: { kind: 'ageBelow', years: 18 },
    },
    funded('needy-university-student', '家庭经济困难大学生', '三（二）7', '区财政全额补助'),
  ],
  familyPayment: { windowIds: ['central', 'extension'], source: src('五（三）') },
  wholeHousehold: { source: src('四（二）') },
  autoRenewal: { source: src('四（一）') },
  eligibility: [
    { kind: 'hukou', label: '除参加城镇职工基本医保以外的本区户籍城乡居民', source: src('三（一）') },
    { kind: 'student', label: '本区各类全日制高校、中职学校、中小学、幼儿园等在校学生', source: src('三（一）') },
    { kind: 'armedPolice', label: '驻本区武警中队官兵', source: src('三（一）') },
    { kind: 'residencePermit', label: '持有本区有效居住证且未参加其他基本医疗保险的居民', source: src('三（一）') },
    { kind: 'hkMacaoTaiwan', label: '在本区居住的非从业港澳台人员', source: src('三（一）') },
    {
      kind: 'foreignPermanentResident',
      label: '持有《外国人永久居留证》在本区居住但未就业的外籍人员',
      source: src('三（一）'),
    },
    { kind: 'migrantChild', label: '已在本区参加基本医保流动人口的子女', source: src('三（一）') },
  ],
  notes: [
    {
      text: '在校大学生个人缴纳部分原则上由个人负担，有条件的学校可对学生缴费给予补助。',
      source: src('三（二）7'),
    },
    {
      text: '尚未落户的1周岁以内新生儿可凭出生医学证明办理参保登记。',
      source: src('四（二）3'),
    },
    {
      text: '新生儿、入学新生、困难人口和符合条件的职工医保转参加居民医保人员等特定人群的等待期按省、市有关规定执行。',
      source: src('一（三）'),
    },
  ],
};
