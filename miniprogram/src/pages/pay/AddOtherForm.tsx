import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { z } from 'zod';
import { idNumberIn, personName } from '../../../../shared/contracts/people';
import { ActionButton } from '../../components/ActionButton';
import { TextField } from '../../components/Field';
import { checkForm, idNumberProblem, withProblems, type FieldErrors } from '../../lib/form';
import type { OtherPayee } from '../../lib/pay-selection';

/** The pay contract's "anyone by name + ID number" entry, field by field. */
const otherPerson = z.object({ name: personName, idNumber: idNumberIn });

let nextKey = 0;

/** 为其他人缴费: name + ID number of someone not bound; the payer will see only what is due. */
export function AddOtherForm({
  today,
  onAdd,
  onCancel,
}: {
  today: string | null;
  onAdd: (other: OtherPayee) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const add = () => {
    const checked = withProblems(checkForm(otherPerson, { name, idNumber }), {
      idNumber: today && idNumber.trim() ? idNumberProblem(idNumber.trim(), today) : null,
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    nextKey += 1;
    onAdd({ key: `other-${nextKey}`, ...checked.data });
  };

  return (
    <View className="card add-other" aria-label="为其他人缴费">
      <Text className="muted form-note">
        为未绑定的人缴费只需姓名和身份证号码；您只能看到应缴金额，看不到TA的参保详情。
      </Text>
      <TextField label="姓名" name="other-name" value={name} onInput={setName} error={errors.name} />
      <TextField
        label="身份证号码"
        name="other-id-number"
        type="idcard"
        maxlength={18}
        value={idNumber}
        onInput={setIdNumber}
        error={errors.idNumber}
      />
      <View className="choice-row">
        <ActionButton kind="primary" onClick={add}>
          加入缴费名单
        </ActionButton>
        <ActionButton kind="secondary" onClick={onCancel}>
          取消
        </ActionButton>
      </View>
    </View>
  );
}
