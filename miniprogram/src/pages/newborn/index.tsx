import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import {
  input as newbornInput,
  type BabyInput,
  type NewbornOutput,
  type NewbornYear,
} from '../../../../shared/contracts/newborn';
import { ActionButton } from '../../components/ActionButton';
import { ClauseList } from '../../components/ClauseList';
import { DateField } from '../../components/DateField';
import { Field, TextField } from '../../components/Field';
import { Heading } from '../../components/Heading';
import { InfoRow } from '../../components/InfoRow';
import { MaskedId } from '../../components/MaskedId';
import { PageRoot } from '../../components/PageRoot';
import { QuoteSummary } from '../../components/QuoteSummary';
import { checkForm, idNumberProblem, withProblems, type FieldErrors } from '../../lib/form';
import { formatDateCn, formatYuan } from '../../lib/format';
import { newbornAnswer } from '../../lib/newborn-text';
import { sumYuan } from '../../lib/pay-totals';
import { useAction } from '../../services/use-action';
import { useToday } from '../../services/use-meta';
import './index.css';

type Kind = BabyInput['kind'];
type Sex = 'male' | 'female';

function babyFrom(
  kind: Kind,
  form: { name: string; idNumber: string; certificateNumber: string; sex: Sex | ''; birthDate: string },
) {
  return kind === 'idNumber'
    ? { kind, name: form.name, idNumber: form.idNumber }
    : {
        kind,
        name: form.name,
        certificateNumber: form.certificateNumber,
        sex: form.sex || undefined,
        birthDate: form.birthDate || undefined,
      };
}

function YearCard({ year, selected, onToggle }: { year: NewbornYear; selected: boolean; onToggle: () => void }) {
  const enrolled = year.enrollment;
  return (
    <View className={`card newborn-year${year.offered ? '' : ' newborn-year-closed'}`}>
      <Text className="year-title">
        {year.coverageYear} 年度{year.policy ? ` · ${year.policy.name}` : ''}
      </Text>
      <Text className="year-note">{year.note}</Text>
      {enrolled ? (
        <Text className="badge">
          {enrolled.status === 'paid' ? '已缴费' : enrolled.newlyRegistered ? '已为孩子登记，待缴费' : '已登记，待缴费'}
        </Text>
      ) : null}
      {year.quote ? <QuoteSummary quote={year.quote} clauses={false} /> : null}
      {year.offered && !enrolled ? (
        <ActionButton onClick={onToggle} pressed={selected} ariaLabel={`为孩子办理${year.coverageYear}年度参保`}>
          {selected ? `✓ 办理 ${year.coverageYear} 年度` : `选择 ${year.coverageYear} 年度`}
        </ActionButton>
      ) : null}
    </View>
  );
}

function Answer({ result }: { result: NewbornOutput }) {
  const answer = newbornAnswer(result);
  return (
    <View
      className={`card notice newborn-answer ${answer.tone === 'good' ? 'notice-good' : answer.tone === 'bad' ? 'notice-bad' : ''}`}
      role="status"
    >
      <Text className="answer-headline">{answer.headline}</Text>
      <Text className="answer-detail">{answer.detail}</Text>
      {result.newbornRule ? (
        <Text className="muted clause-source">
          依据：{result.newbornRule.source.document} {result.newbornRule.source.clause}
        </Text>
      ) : null}
    </View>
  );
}

/** 新生儿参保: the baby by ID number or birth certificate → the 90-day answer → choose years → enroll → pay. */
export default function Newborn() {
  const today = useToday();
  const [kind, setKind] = useState<Kind>('birthCertificate');
  const [form, setForm] = useState({
    name: '',
    idNumber: '',
    certificateNumber: '',
    sex: '' as Sex | '',
    birthDate: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [baby, setBaby] = useState<BabyInput | null>(null);
  const [result, setResult] = useState<NewbornOutput | null>(null);
  const [years, setYears] = useState<number[]>([]);
  const check = useAction('newborn');
  const enroll = useAction('newborn');

  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const runCheck = async () => {
    const checked = withProblems(checkForm(newbornInput, { action: 'check', baby: babyFrom(kind, form) }), {
      'baby.idNumber':
        kind === 'idNumber' && today && form.idNumber.trim() ? idNumberProblem(form.idNumber, today) : null,
      'baby.birthDate': kind === 'birthCertificate' && today && form.birthDate > today ? '出生日期不能晚于今天' : null,
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const reply = await check.run(checked.data);
    if (reply?.ok) {
      setBaby(checked.data.baby);
      setResult(reply.data);
      setYears(
        reply.data.years
          .filter((y) => y.offered && !y.enrollment)
          .slice(0, 1)
          .map((y) => y.coverageYear),
      );
    }
  };

  const runEnroll = async () => {
    if (!baby || years.length === 0) return;
    const reply = await enroll.run({ action: 'enroll', baby, relationship: 'parent', coverageYears: years });
    if (reply?.ok) setResult(reply.data);
  };

  const startOver = () => {
    setResult(null);
    setBaby(null);
    check.reset();
    enroll.reset();
  };

  const enrolledNow = result?.boundToCaller === true && result.years.some((y) => y.enrollment);
  const due = result
    ? sumYuan(result.years.filter((y) => y.enrollment?.status === 'registered').map((y) => y.quote?.amountDue ?? 0))
    : 0;
  const failure = (state: typeof check.state) =>
    state.status === 'error' ? (
      <View className="notice notice-bad" role="alert">
        <Text>{state.message}</Text>
      </View>
    ) : null;

  return (
    <PageRoot>
      <Heading level={1}>新生儿参保</Heading>

      {result === null ? (
        <View className="card">
          <Text className="muted form-intro">
            孩子出生 90 天内缴费，可自出生之日起享受待遇。请由父母办理，孩子还没有身份证号码的，用出生医学证明办理。
          </Text>
          <Field label="用哪种证件办理">
            <View className="choice-row">
              <ActionButton onClick={() => setKind('birthCertificate')} pressed={kind === 'birthCertificate'}>
                出生医学证明
              </ActionButton>
              <ActionButton onClick={() => setKind('idNumber')} pressed={kind === 'idNumber'}>
                孩子的身份证号码
              </ActionButton>
            </View>
          </Field>
          <TextField
            label="孩子姓名"
            name="babyName"
            value={form.name}
            onInput={set('name')}
            error={errors['baby.name']}
            maxlength={30}
          />
          {kind === 'idNumber' ? (
            <TextField
              label="孩子的身份证号码"
              name="babyIdNumber"
              type="idcard"
              value={form.idNumber}
              onInput={set('idNumber')}
              error={errors['baby.idNumber']}
              placeholder="户口簿上孩子的18位号码"
              maxlength={22}
            />
          ) : (
            <>
              <TextField
                label="出生医学证明编号"
                name="certificateNumber"
                value={form.certificateNumber}
                onInput={set('certificateNumber')}
                error={errors['baby.certificateNumber']}
                hint="证明右上角的编号，1个字母加9位数字，如 Q350123456"
                maxlength={14}
              />
              <Field label="性别" error={errors['baby.sex']}>
                <View className="choice-row">
                  <ActionButton onClick={() => set('sex')('male')} pressed={form.sex === 'male'}>
                    男
                  </ActionButton>
                  <ActionButton onClick={() => set('sex')('female')} pressed={form.sex === 'female'}>
                    女
                  </ActionButton>
                </View>
              </Field>
              <DateField
                label="出生日期"
                name="birthDate"
                value={form.birthDate}
                onChange={set('birthDate')}
                error={errors['baby.birthDate']}
                {...(today ? { end: today } : {})}
              />
            </>
          )}
          {failure(check.state)}
          <ActionButton kind="primary" onClick={() => void runCheck()} loading={check.state.status === 'running'}>
            查询能否参保
          </ActionButton>
        </View>
      ) : (
        <View className="newborn-result">
          <Answer result={result} />
          <View className="card">
            <InfoRow label="孩子">{result.baby.name}</InfoRow>
            <InfoRow label={result.baby.identity === 'idNumber' ? '身份证号码' : '出生医学证明'}>
              <MaskedId
                value={result.baby.documentMasked}
                what={result.baby.identity === 'idNumber' ? '身份证号码' : '出生医学证明编号'}
              />
            </InfoRow>
            <InfoRow label="出生日期">{formatDateCn(result.baby.birthDate)}</InfoRow>
            <InfoRow label="今天">{formatDateCn(result.today)}</InfoRow>
          </View>

          <Heading level={2}>可办理的年度</Heading>
          {result.years.map((y) => (
            <YearCard
              key={y.coverageYear}
              year={y}
              selected={years.includes(y.coverageYear)}
              onToggle={() =>
                setYears((ys) =>
                  ys.includes(y.coverageYear) ? ys.filter((v) => v !== y.coverageYear) : [...ys, y.coverageYear].sort(),
                )
              }
            />
          ))}

          <ClauseList
            items={[...result.explanation, ...result.years.flatMap((y) => y.quote?.explanation ?? [])].filter(
              (c, i, all) => all.findIndex((o) => o.text === c.text) === i,
            )}
          />

          {failure(enroll.state)}
          {enrolledNow ? (
            <View className="card notice notice-good" role="status">
              <Text>已为{result.baby.name}办理参保登记，并已绑定为您的家人，可在“待遇查询”中查看。</Text>
              {due > 0 ? (
                <ActionButton
                  kind="primary"
                  onClick={() => Taro.navigateTo({ url: '/pages/pay/index' })}
                  ariaLabel={`去缴费，${formatYuan(due)}`}
                >
                  去缴费（{formatYuan(due)}）
                </ActionButton>
              ) : null}
            </View>
          ) : result.years.some((y) => y.offered && !y.enrollment) ? (
            <ActionButton
              kind="primary"
              onClick={() => void runEnroll()}
              loading={enroll.state.status === 'running'}
              disabled={years.length === 0}
            >
              我是孩子的父母，为孩子办理参保
            </ActionButton>
          ) : null}
          <ActionButton onClick={startOver}>重新填写</ActionButton>
        </View>
      )}
    </PageRoot>
  );
}
