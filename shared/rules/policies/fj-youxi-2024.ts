import { yuan } from '../money';
import type { PolicyInput } from '../policy-schema';

const DOC = '尤政办〔2023〕35号';
const src = (clause: string) => ({ document: DOC, clause });

const assistance = (id: string, label: string, clause: '七（一）' | '七（二）') => ({
  id,
  label,
  share: clause === '七（一）' ? { kind: 'full' as const } : { kind: 'fixedPersonal' as const, amount: yuan(38) },
  funder: clause === '七（一）' ? '医疗救助基金全额资助' : '医疗救助基金按90%定额资助，个人按10%缴纳',
  groups: ['hardship' as const],
  source: src(clause),
});

const countyFunded = (id: string, label: string) => ({
  id,
  label,
  share: { kind: 'full' as const },
  funder: '县级财政资助',
  source: src('七（三）'),
  note: '文件写明“由县级财政资助参加2024年城乡居民医保”，未写个人负担部分，按全额资助计算。',
});

/** 尤溪县 2024 年度城乡居民医保. */
export const fjYouxi2024: PolicyInput = {
  id: 'fj-youxi-2024',
  name: '尤溪县2024年度城乡居民基本医疗保险',
  jurisdiction: '福建省三明市尤溪县',
  regionCode: '350426',
  coverageYear: 2024,
  coverage: { start: '2024-01-01', end: '2024-12-31', source: src('四') },
  documents: [
    {
      number: DOC,
      title: '尤溪县人民政府办公室关于印发尤溪县2024年城乡居民基本医疗保险参保缴费工作方案的通知',
      issuer: '尤溪县人民政府办公室',
      issuedOn: '2023-09-21',
    },
  ],
  contribution: {
    personal: { value: yuan(380), source: src('三') },
    fiscal: { value: yuan(640), source: src('三') },
  },
  windows: [
    {
      id: 'central',
      kind: 'central',
      label: '正常缴费期',
      start: '2023-09-01',
      end: '2023-12-31',
      acceptsPayment: true,
      benefitStart: { kind: 'coverageYearStart' },
      source: src('四（一）'),
    },
    {
      id: 'extension',
      kind: 'extension',
      label: '延长缴费期',
      start: '2024-01-01',
      end: '2024-02-29',
      acceptsPayment: true,
      benefitStart: { kind: 'payDate' },
      source: src('四（二）'),
    },
    {
      id: 'back-payment',
      kind: 'back-payment',
      label: '补缴期（60天等待期）',
      start: '2024-03-01',
      end: '2024-11-01',
      acceptsPayment: true,
      benefitStart: { kind: 'afterWaiting', waiting: { unit: 'day', length: 60 } },
      source: src('四（三）'),
    },
  ],
  waitingExemptions: [
    { group: 'newborn', source: src('四（三）') },
    { group: 'hardship', source: src('四（三）') },
  ],
  fullCost: {
    from: '2024-07-01',
    source: src('四（三）'),
    note: '“3月1日至6月30日”按个人缴费标准，故7月1日当日起按个人缴费与财政补助之和缴费。',
    exempt: [{ group: 'newborn', source: src('四（四）') }],
  },
  newborn: { withinDays: 90, after: 'payDate', identity: 'any', source: src('四（四）') },
  students: [],
  categories: [
    assistance('extreme-poverty', '特困供养人员', '七（一）'),
    assistance('orphan', '孤儿（含事实无人抚养儿童）', '七（一）'),
    assistance('key-entitled', '县相关部门认定的重点优抚对象', '七（一）'),
    assistance('revolutionary-elders', '革命“五老”人员', '七（一）'),
    assistance('family-planning-special', '计划生育特殊家庭成员', '七（一）'),
    assistance('severe-disability', '重度残疾人', '七（一）'),
    assistance('minimum-living', '最低生活保障对象', '七（二）'),
    assistance('monitored-rural', '纳入乡村振兴部门监测的农村易返贫致贫人员', '七（二）'),
    assistance('lifted-out-of-poverty', '脱贫（享受政策）人员', '七（二）'),
    countyFunded('disability', '残疾人'),
    countyFunded('only-daughter', '农村农民独女户'),
    countyFunded('two-daughters-sterilized', '二女结扎户'),
  ],
  autoRenewal: { source: src('五') },
  eligibility: [
    { kind: 'hukou', label: '具有本县户籍的城乡居民', source: src('二（一）') },
    { kind: 'armedPolice', label: '驻尤武警官兵', source: src('二（二）') },
    { kind: 'residencePermit', label: '持有本县有效居住证的城乡居民', source: src('二（三）') },
    { kind: 'migrantChild', label: '已在我县参加基本医疗保险流动人口的未成年子女', source: src('二（四）') },
  ],
  notes: [
    {
      text: '医疗救助对象相关待遇从认定之日次月起执行；认定前个人当年已参保的，不再资助参保；认定时已预缴下一年度保费的，应办理退费并按规定资助参保。',
      source: src('七（二）'),
    },
    {
      text: '计生、残疾资助对象花名册零星调整截止2023年12月31日，未及时报送的不予纳入资助参保。',
      source: src('七（三）'),
    },
    {
      text: '补缴期至2024年11月1日止，此后本年度不再办理补缴；文件未规定此后新生儿的参保途径，请咨询市医保中心尤溪管理部。',
      source: src('四（三）'),
    },
  ],
};
