import { Text, View } from '@tarojs/components';
import type { BenefitsOutput, PersonBenefits, YearStatus } from '../../../../shared/contracts/benefits';
import { CallStateView } from '../../components/CallStateView';
import { ClauseList } from '../../components/ClauseList';
import { Heading } from '../../components/Heading';
import { InfoRow } from '../../components/InfoRow';
import { MaskedId } from '../../components/MaskedId';
import { PageRoot } from '../../components/PageRoot';
import { QuoteSummary } from '../../components/QuoteSummary';
import { Warnings } from '../../components/Warnings';
import { waitingCountdown } from '../../lib/countdown';
import { relationshipLabel } from '../../lib/family-labels';
import { formatDateCn, formatDateRangeCn, formatYuan } from '../../lib/format';
import { yearStatusLabel } from '../../lib/standing-labels';
import { useCall } from '../../services/use-call';
import { useRefreshOnShow } from '../../services/use-refresh-on-show';
import { Calculator } from './Calculator';
import './index.css';

function YearBlock({ year, today }: { year: YearStatus; today: string }) {
  const waiting =
    year.coverageStart !== null && year.waitingDaysLeft !== null && year.waitingDaysLeft > 0
      ? waitingCountdown(today, year.coverageStart)
      : null;
  return (
    <View className="card year-status">
      <View className="year-head">
        <Text className="year-title">{year.coverageYear} 年度</Text>
        <Text className={`badge${year.status === 'paid' && year.coveredToday ? '' : ' badge-todo'}`}>
          {yearStatusLabel(year)}
        </Text>
      </View>
      {year.policyName ? <Text className="muted year-policy">{year.policyName}</Text> : null}
      <Text className="year-summary">{year.summary}</Text>

      {waiting ? (
        <View className="notice waiting" role="status" aria-label={`等待期还剩${waiting.daysLeft}天`}>
          <Text className="waiting-label">等待期还剩</Text>
          <Text className="big-number waiting-days">{waiting.daysLeft} 天</Text>
          <Text className="waiting-text">{waiting.text}</Text>
        </View>
      ) : null}

      <InfoRow label="登记日期">{formatDateCn(year.registeredOn)}</InfoRow>
      <InfoRow label="缴费日期">{year.paidOn ? formatDateCn(year.paidOn) : '尚未缴费'}</InfoRow>
      {year.amount !== null ? <InfoRow label="缴费金额">{formatYuan(year.amount)}</InfoRow> : null}
      <InfoRow label="待遇期">
        {year.coverageStart
          ? formatDateRangeCn(year.coverageStart, year.coverageEnd)
          : year.status === 'paid'
            ? '本年度不享受待遇'
            : '缴费后确定'}
      </InfoRow>
      <InfoRow label="今天">{year.coveredToday ? '可以享受待遇' : '尚不能享受待遇'}</InfoRow>
      <Warnings items={year.warnings} />
      <ClauseList items={year.explanation} />
      {year.todayQuote ? (
        <View className="today-quote">
          <Text className="today-quote-title">如果今天缴费</Text>
          <QuoteSummary quote={year.todayQuote} />
        </View>
      ) : null}
    </View>
  );
}

function PersonBlock({ person, today }: { person: PersonBenefits; today: string }) {
  return (
    <View className="person-benefits">
      <View className="person-head">
        <Text className="person-name">{person.name}</Text>
        <Text className="muted">{relationshipLabel(person.relationship)}</Text>
        <MaskedId value={person.idMasked} />
      </View>
      {person.years.length === 0 ? (
        <View className="card muted">
          <Text>还没有参保记录。</Text>
        </View>
      ) : (
        person.years.map((y) => <YearBlock key={`${y.coverageYear}-${y.policyId}`} year={y} today={today} />)
      )}
    </View>
  );
}

function preferredPolicy(data: BenefitsOutput): string | null {
  const self = data.people.find((p) => p.relationship === 'self') ?? data.people[0];
  const latest = self?.years.reduce<YearStatus | null>(
    (best, y) => (best === null || y.coverageYear > best.coverageYear ? y : best),
    null,
  );
  return latest?.policyId ?? null;
}

/** 待遇查询: per person per year — paid on, amount, cover, days of waiting left, clauses — and a what-if calculator. */
export default function Benefits() {
  const { state, retry } = useCall('benefits', {});
  useRefreshOnShow(retry);

  return (
    <PageRoot>
      <Heading level={1}>待遇查询</Heading>
      <CallStateView
        state={state}
        retry={retry}
        isEmpty={(d) => d.people.length === 0}
        emptyText="还没有可以查询的人。请先办理参保登记，或绑定家人并等待对方同意。"
      >
        {(data) => (
          <View>
            <Text className="muted today-line">今天：{formatDateCn(data.today)}</Text>
            {!data.identified ? <Text className="notice">您还没有登记身份，以下仅显示已同意绑定的家人。</Text> : null}
            {data.people.map((p) => (
              <PersonBlock key={p.residentId} person={p} today={data.today} />
            ))}
          </View>
        )}
      </CallStateView>
      {state.status === 'ready' ? (
        <Calculator today={state.data.today} preferredPolicyId={preferredPolicy(state.data)} />
      ) : null}
    </PageRoot>
  );
}
