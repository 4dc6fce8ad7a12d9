import { Navigator, Text, View } from '@tarojs/components';
import type { Deadline, MeOutput, PersonDue } from '../../../../shared/contracts/me';
import { CallStateView } from '../../components/CallStateView';
import { ElderToggle } from '../../components/ElderMode';
import { Heading } from '../../components/Heading';
import { InfoRow } from '../../components/InfoRow';
import { MaskedId } from '../../components/MaskedId';
import { PageRoot } from '../../components/PageRoot';
import { windowCountdown } from '../../lib/countdown';
import { relationshipLabel } from '../../lib/family-labels';
import { formatDateCn, formatDateRangeCn, formatYuan } from '../../lib/format';
import { standingLabel, standingNeedsAction } from '../../lib/standing-labels';
import { useCall } from '../../services/use-call';
import { useRefreshOnShow } from '../../services/use-refresh-on-show';
import './index.css';

const services = [
  { url: '/pages/register/index', label: '参保登记', hint: '为本人和家人办理居民医保参保', tab: false },
  { url: '/pages/pay/index', label: '家庭代缴', hint: '为本人和家人缴纳居民医保费', tab: false },
  { url: '/pages/newborn/index', label: '新生儿参保', hint: '出生 90 天内办理，自出生之日起享受待遇', tab: false },
  { url: '/pages/benefits/index', label: '待遇查询', hint: '何时开始享受待遇、等待期还剩几天', tab: true },
] as const;

function DeadlineCard({ deadline, today }: { deadline: Deadline; today: string }) {
  const countdown = windowCountdown(today, deadline.start, deadline.end);
  return (
    <View className={`card deadline deadline-${countdown.phase}`}>
      <Text className="deadline-label">{deadline.label}</Text>
      <Text className="muted deadline-range">{formatDateRangeCn(deadline.start, deadline.end)}</Text>
      <Text className="deadline-countdown">{countdown.text}</Text>
      {deadline.onlyFor.length > 0 ? (
        <Text className="muted deadline-note">仅限：{deadline.onlyFor.join('、')}</Text>
      ) : null}
      {deadline.familyPayment ? (
        <Text className="muted deadline-note">可用职工医保个人账户为家人缴费（家庭共济）</Text>
      ) : null}
      <Text className="muted deadline-source">
        依据：{deadline.source.document} {deadline.source.clause}
      </Text>
    </View>
  );
}

function badgeTone(standing: PersonDue['standing']): string {
  if (standingNeedsAction(standing)) return 'badge-todo';
  return standing === 'paid' ? '' : 'badge-muted';
}

function PersonCard({ person }: { person: PersonDue }) {
  return (
    <View className="card person-due">
      <View className="person-head">
        <Text className="person-name">{person.name}</Text>
        <Text className="muted">{relationshipLabel(person.relationship)}</Text>
      </View>
      <View>
        <MaskedId value={person.idMasked} />
      </View>
      <Text className={`badge ${badgeTone(person.standing)}`}>{standingLabel(person.standing)}</Text>
      <Text className="person-notice">{person.notice}</Text>
      {person.amountDue !== null ? (
        <InfoRow label="今天缴费应缴" strong>
          {formatYuan(person.amountDue)}
        </InfoRow>
      ) : null}
      {person.quote?.coverageStart && person.standing !== 'paid' && person.standing !== 'notEligible' ? (
        <InfoRow label="今天缴费，待遇开始">{formatDateCn(person.quote.coverageStart)}</InfoRow>
      ) : null}
    </View>
  );
}

function MySummary({ data }: { data: MeOutput }) {
  if (!data.me) {
    return (
      <View className="card">
        <Text>您还没有登记身份。办理参保登记后，这里会显示您和家人的参保与缴费情况。</Text>
        <Navigator url="/pages/register/index" className="link-button" ariaLabel="去参保登记">
          去参保登记
        </Navigator>
      </View>
    );
  }
  const open = data.deadlines.filter((d) => d.state !== 'closed');
  return (
    <View>
      <View className="card my-policy">
        <Text className="my-name">{data.me.name}，您好</Text>
        <View>
          <MaskedId value={data.me.idMasked} />
        </View>
        {data.policy ? (
          <>
            <Text className="policy-name">{data.policy.name}</Text>
            <Text className="muted my-line">
              {data.policy.coverageYear} 年度，待遇期{' '}
              {formatDateRangeCn(data.policy.coverageStart, data.policy.coverageEnd)}
            </Text>
          </>
        ) : (
          <Text className="muted my-line">{data.noPolicyReason ?? '您所在地区今天没有可办理的参保年度。'}</Text>
        )}
        <Text className="muted my-line">今天：{formatDateCn(data.today)}</Text>
      </View>

      {data.deadlines.length > 0 ? (
        <>
          <Heading level={2}>缴费时间</Heading>
          {(open.length > 0 ? open : data.deadlines).map((d) => (
            <DeadlineCard key={d.windowId} deadline={d} today={data.today} />
          ))}
        </>
      ) : null}

      <Heading level={2}>我和家人</Heading>
      {data.people.map((p) => (
        <PersonCard key={p.residentId} person={p} />
      ))}
      <View className="card total-due">
        <InfoRow label="合计应缴" strong>
          {formatYuan(data.totalDue)}
        </InfoRow>
        {data.totalDue > 0 ? (
          <Navigator
            url="/pages/pay/index"
            className="link-button link-button-primary"
            ariaLabel={`去缴费，合计${formatYuan(data.totalDue)}`}
          >
            去缴费
          </Navigator>
        ) : null}
      </View>
    </View>
  );
}

export default function Index() {
  const { state, retry } = useCall('me', {});
  useRefreshOnShow(retry);

  return (
    <PageRoot elderToggle={false}>
      <Heading level={1}>城乡居民医保</Heading>

      <View className="card elder-card">
        <Text className="elder-card-text">字太小？打开大字模式，所有页面的字和按钮都会变大。</Text>
        <ElderToggle prominent />
      </View>

      <Heading level={2}>我的参保</Heading>
      <CallStateView state={state} retry={retry}>
        {(data) => <MySummary data={data} />}
      </CallStateView>

      <Heading level={2}>办理业务</Heading>
      <View className="home-services">
        {services.map((s) => (
          <Navigator
            key={s.url}
            url={s.url}
            openType={s.tab ? 'switchTab' : 'navigate'}
            className="card home-service"
            ariaLabel={`${s.label}，${s.hint}`}
          >
            <Text className="home-service-label">{s.label}</Text>
            <Text className="muted home-service-hint">{s.hint}</Text>
          </Navigator>
        ))}
      </View>
    </PageRoot>
  );
}
