import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import {
  input as registerInput,
  type HouseholdMember,
  type RegisterOutput,
} from '../../../../shared/contracts/register';
import { ActionButton } from '../../components/ActionButton';
import { ClauseList } from '../../components/ClauseList';
import { TextField } from '../../components/Field';
import { Heading } from '../../components/Heading';
import { MaskedId } from '../../components/MaskedId';
import { PageRoot } from '../../components/PageRoot';
import { QuoteSummary } from '../../components/QuoteSummary';
import { checkForm, idNumberProblem, withProblems, type FieldErrors } from '../../lib/form';
import { formatDateRangeCn, formatYuan } from '../../lib/format';
import { sumYuan } from '../../lib/pay-totals';
import { useAction } from '../../services/use-action';
import { useToday } from '../../services/use-meta';
import './index.css';

type Extra = { wholeHousehold: true } | { memberIds: string[] } | Record<string, never>;

const STANDING_TEXT: Record<HouseholdMember['standing'], string> = {
  none: '未参保',
  registered: '已登记，未缴费',
  renewed: '已默认续保',
  paid: '已缴费',
};

function MemberRow({ member, action }: { member: HouseholdMember; action?: JSX.Element | null }) {
  return (
    <View className={`card member${member.eligible ? '' : ' member-ineligible'}`}>
      <View className="member-head">
        <Text className="member-name">
          {member.name}
          {member.isSelf ? '（本人）' : ''}
        </Text>
        <Text className={`badge ${member.eligible ? (member.standing === 'paid' ? '' : 'badge-todo') : 'badge-muted'}`}>
          {member.eligible ? STANDING_TEXT[member.standing] : '不参加居民医保'}
        </Text>
      </View>
      <View>
        <MaskedId value={member.idMasked} />
      </View>
      {member.reason ? <Text className="muted member-reason">{member.reason}</Text> : null}
      {action ?? null}
    </View>
  );
}

function Registered({
  data,
  onAdd,
  adding,
}: {
  data: Extract<RegisterOutput, { outcome: 'registered' }>;
  onAdd: (id: string) => void;
  adding: boolean;
}) {
  const total = sumYuan(data.people.filter((p) => p.standing !== 'paid').map((p) => p.quote.amountDue));
  const addable = data.otherMembers.filter((m) => m.eligible && m.standing === 'none');
  return (
    <View className="registered">
      <View className="card notice notice-good" role="status">
        <Text>
          {data.people.some((p) => p.newlyRegistered)
            ? `${data.policy.name} ${data.policy.coverageYear} 年度参保登记已办理。缴费后才能享受待遇，请按时缴费。`
            : `${data.policy.name} ${data.policy.coverageYear} 年度，您的参保情况如下。`}
        </Text>
      </View>

      <Heading level={2}>今天缴费需多少、何时开始享受待遇</Heading>
      {data.people.map((p) => (
        <View key={p.residentId} className="card registered-person">
          <View className="member-head">
            <Text className="member-name">
              {p.name}
              {p.isSelf ? '（本人）' : ''}
            </Text>
            <Text className={`badge${p.standing === 'paid' ? '' : ' badge-todo'}`}>{STANDING_TEXT[p.standing]}</Text>
          </View>
          <View>
            <MaskedId value={p.idMasked} />
          </View>
          <Text className="person-notice">{p.notice}</Text>
          <QuoteSummary quote={p.quote} clauses={false} />
        </View>
      ))}

      <ClauseList
        items={[...data.explanation, ...data.people.flatMap((p) => p.quote.explanation)].filter(uniqueClause)}
      />

      {total > 0 ? (
        <ActionButton
          kind="primary"
          onClick={() => Taro.navigateTo({ url: '/pages/pay/index' })}
          ariaLabel={`去缴费，合计${formatYuan(total)}`}
        >
          去缴费（合计 {formatYuan(total)}）
        </ActionButton>
      ) : null}

      {addable.length > 0 ? (
        <>
          <Heading level={2}>家里其他人</Heading>
          {addable.map((m) => (
            <MemberRow
              key={m.residentId}
              member={m}
              action={
                <ActionButton onClick={() => onAdd(m.residentId)} loading={adding} ariaLabel={`为${m.name}一并登记`}>
                  一并登记
                </ActionButton>
              }
            />
          ))}
        </>
      ) : null}
    </View>
  );
}

/** The same sentence and clause once, even when several people's quotes cite it. */
function uniqueClause(
  item: { text: string; source: { document: string; clause: string } },
  i: number,
  all: readonly { text: string }[],
): boolean {
  return all.findIndex((other) => other.text === item.text) === i;
}

/** 参保登记: who are you (name + ID) → eligible? → the household to confirm (全户参保) → registered, with today's price. */
export default function Register() {
  const today = useToday();
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<RegisterOutput | null>(null);
  const register = useAction('register');

  const send = async (extra: Extra) => {
    const checked = withProblems(checkForm(registerInput, { name, idNumber, ...extra }), {
      idNumber: today && idNumber.trim() ? idNumberProblem(idNumber, today) : null,
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const reply = await register.run(checked.data);
    if (reply?.ok) setResult(reply.data);
  };
  const startOver = () => {
    setResult(null);
    register.reset();
  };

  const state = register.state;
  const running = state.status === 'running';
  const failed =
    state.status === 'error' ? (
      <View className="notice notice-bad" role="alert">
        <Text>{state.message}</Text>
      </View>
    ) : null;

  return (
    <PageRoot>
      <Heading level={1}>参保登记</Heading>

      {result === null ? (
        <View className="card">
          <Text className="muted form-intro">
            请填写本人的姓名和身份证号码，我们会核对户籍信息并告诉您能否参保、需缴多少钱。
          </Text>
          <TextField
            label="姓名"
            name="name"
            value={name}
            onInput={setName}
            error={errors.name}
            placeholder="与身份证上一致"
            maxlength={30}
          />
          <TextField
            label="身份证号码"
            name="idNumber"
            type="idcard"
            value={idNumber}
            onInput={setIdNumber}
            error={errors.idNumber}
            placeholder="18位，最后一位可能是X"
            maxlength={22}
          />
          {failed}
          <ActionButton kind="primary" onClick={() => void send({})} loading={running}>
            核对并查看能否参保
          </ActionButton>
        </View>
      ) : null}

      {result?.outcome === 'confirmHousehold' ? (
        <View className="household">
          <View className="card">
            <Text className="policy-line">
              {result.policy.name} {result.policy.coverageYear} 年度（待遇期{' '}
              {formatDateRangeCn(result.policy.coverageStart, result.policy.coverageEnd)}）
            </Text>
            <View className="notice">
              <Text>{result.message}</Text>
            </View>
            <Text className="muted clause-source">
              依据：{result.source.document} {result.source.clause}
            </Text>
          </View>
          <Heading level={2}>家庭成员</Heading>
          {result.members.map((m) => (
            <MemberRow key={m.residentId} member={m} />
          ))}
          {failed}
          <ActionButton kind="primary" onClick={() => void send({ wholeHousehold: true })} loading={running}>
            确认全户参保登记
          </ActionButton>
          <ActionButton onClick={startOver}>返回修改</ActionButton>
        </View>
      ) : null}

      {result?.outcome === 'registered' ? (
        <>
          {failed}
          <Registered data={result} onAdd={(id) => void send({ memberIds: [id] })} adding={running} />
        </>
      ) : null}
    </PageRoot>
  );
}
