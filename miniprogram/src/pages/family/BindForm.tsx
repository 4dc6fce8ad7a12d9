import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { input as familyInput, type FamilyOutput } from '../../../../shared/contracts/family';
import type { RelativeRelationship } from '../../../../shared/contracts/people';
import { ActionButton } from '../../components/ActionButton';
import { Field, TextField } from '../../components/Field';
import { RELATIONSHIP_OPTIONS } from '../../lib/family-labels';
import { checkForm, idNumberProblem, withProblems, type FieldErrors } from '../../lib/form';
import { useAction } from '../../services/use-action';

export type BindResult = Extract<FamilyOutput, { action: 'bind' }>;

/**
 * 绑定家人: name + ID number + relationship, checked with the family contract (and the ID number's
 * check digit) before sending. The ID number is cleared as soon as the binding is made.
 */
export function BindForm({ today, onBound }: { today: string | null; onBound: (result: BindResult) => void }) {
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [relationship, setRelationship] = useState<RelativeRelationship | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const bind = useAction('family');

  const submit = async () => {
    const checked = withProblems(
      checkForm(familyInput, { action: 'bind', name, idNumber, relationship: relationship ?? undefined }),
      { idNumber: today && idNumber.trim() ? idNumberProblem(idNumber.trim(), today) : null },
    );
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const reply = await bind.run(checked.data);
    if (reply?.ok && reply.data.action === 'bind') {
      setName('');
      setIdNumber('');
      setRelationship(null);
      onBound(reply.data);
    }
  };

  return (
    <View className="card bind-form" aria-label="绑定家人">
      <TextField
        label="家人姓名"
        name="bind-name"
        value={name}
        onInput={setName}
        error={errors.name}
        placeholder="与身份证上一致"
      />
      <TextField
        label="家人身份证号码"
        name="bind-id-number"
        type="idcard"
        maxlength={18}
        value={idNumber}
        onInput={setIdNumber}
        error={errors.idNumber}
        placeholder="18位身份证号码"
      />
      <Field label="TA是您的" error={errors.relationship}>
        <View className="choice-row" role="group" aria-label="与您的关系">
          {RELATIONSHIP_OPTIONS.map((option) => (
            <ActionButton
              key={option.value}
              kind="chip"
              pressed={relationship === option.value}
              onClick={() => setRelationship(option.value)}
            >
              {option.label}
            </ActionButton>
          ))}
        </View>
      </Field>
      <Text className="muted form-note">
        年满14周岁的家人需用自己的微信确认；未满14周岁的孩子由户口簿上的父母或（外）祖父母直接绑定。
      </Text>
      {bind.state.status === 'error' ? (
        <View className="form-error" role="alert">
          <Text>{bind.state.message}</Text>
        </View>
      ) : null}
      <ActionButton kind="primary" loading={bind.state.status === 'running'} onClick={submit}>
        绑定
      </ActionButton>
    </View>
  );
}
