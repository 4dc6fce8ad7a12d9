import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { PolicySummary } from '../../../../shared/contracts/policies';
import { input as quoteInput, type Quote } from '../../../../shared/contracts/quote';
import { ActionButton } from '../../components/ActionButton';
import { CallStateView } from '../../components/CallStateView';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { Heading } from '../../components/Heading';
import { QuoteSummary } from '../../components/QuoteSummary';
import { defaultPolicyId, policySpan } from '../../lib/calculator';
import { checkForm, type FieldErrors } from '../../lib/form';
import { formatDateCn } from '../../lib/format';
import { useAction } from '../../services/use-action';
import { useCall } from '../../services/use-call';

type Props = {
  today: string;
  /** The policy to start from (mine this year), when known. */
  preferredPolicyId: string | null;
};

/** "如果我在某天缴费": the quote for a chosen date, policy and (hypothetical) subsidy category. */
export function Calculator({ today, preferredPolicyId }: Props) {
  const { state, retry } = useCall('policies', {});
  return (
    <View className="calculator" aria-label="缴费试算">
      <Heading level={2}>如果我在某天缴费</Heading>
      <Text className="muted calc-intro">选一个日期，看看那天缴费要交多少、从哪天开始享受待遇、有没有等待期。</Text>
      <CallStateView state={state} retry={retry} isEmpty={(d) => d.policies.length === 0} emptyText="暂无政策可供试算">
        {(data) => <CalculatorForm policies={data.policies} today={today} preferredPolicyId={preferredPolicyId} />}
      </CallStateView>
    </View>
  );
}

function CalculatorForm({
  policies,
  today,
  preferredPolicyId,
}: {
  policies: PolicySummary[];
  today: string;
  preferredPolicyId: string | null;
}) {
  const [policyId, setPolicyId] = useState(() => defaultPolicyId(policies, today, preferredPolicyId));
  const [payDate, setPayDate] = useState(today);
  const [category, setCategory] = useState<string | null>(null);
  const [showCategories, setShowCategories] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [answer, setAnswer] = useState<{ quote: Quote; payDate: string } | null>(null);
  const quote = useAction('quote');
  const policy = policies.find((p) => p.id === policyId);

  // A category belongs to one policy: switching policy forgets it.
  useEffect(() => setCategory(null), [policyId]);

  const run = async () => {
    const checked = checkForm(quoteInput, { policyId, payDate, person: category ? { categories: [category] } : {} });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const reply = await quote.run(checked.data);
    if (reply?.ok) {
      setAnswer({ quote: reply.data, payDate: checked.data.payDate });
      // The answer opens below a long form: bring it into view.
      setTimeout(() => void Taro.pageScrollTo({ selector: '.calc-answer', duration: 200 }).catch(() => undefined), 0);
    }
  };

  return (
    <View className="card calc-form">
      <Field label="参保地区和年度" error={errors.policyId}>
        <View className="choice-column">
          {policies.map((p) => (
            <ActionButton
              key={p.id}
              onClick={() => setPolicyId(p.id)}
              pressed={p.id === policyId}
              className="choice-option"
            >
              {p.name}
            </ActionButton>
          ))}
        </View>
      </Field>
      <DateField
        label="缴费日期"
        name="payDate"
        value={payDate}
        onChange={setPayDate}
        error={errors.payDate}
        hint={`今天是${formatDateCn(today)}`}
        {...(policy ? policySpan(policy) : {})}
      />
      {policy && policy.categories.length > 0 ? (
        <Field label="资助类别" hint="资助类别以民政、乡村振兴等部门认定为准，这里仅用于试算。">
          <ActionButton onClick={() => setShowCategories(!showCategories)} pressed={showCategories}>
            {category
              ? `按“${policy.categories.find((c) => c.id === category)?.label ?? ''}”试算`
              : '按一般居民试算（点此选择资助类别）'}
          </ActionButton>
          {showCategories ? (
            <View className="choice-column">
              <ActionButton onClick={() => setCategory(null)} pressed={category === null} className="choice-option">
                不属于资助对象
              </ActionButton>
              {policy.categories.map((c) => (
                <ActionButton
                  key={c.id}
                  onClick={() => setCategory(c.id)}
                  pressed={category === c.id}
                  className="choice-option"
                >
                  {c.label}
                </ActionButton>
              ))}
            </View>
          ) : null}
        </Field>
      ) : null}
      {quote.state.status === 'error' ? (
        <View className="notice notice-bad" role="alert">
          <Text>{quote.state.message}</Text>
        </View>
      ) : null}
      <ActionButton kind="primary" onClick={() => void run()} loading={quote.state.status === 'running'}>
        开始试算
      </ActionButton>
      {answer ? (
        <View className="calc-answer" role="region" aria-label="试算结果">
          <Heading level={2}>{`${formatDateCn(answer.payDate)}缴费`}</Heading>
          <QuoteSummary quote={answer.quote} />
        </View>
      ) : null}
    </View>
  );
}
