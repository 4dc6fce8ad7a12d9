import { Picker, View } from '@tarojs/components';
import { formatDateCn } from '../lib/format';
import { Field } from './Field';
import type { DateFieldProps } from './date-field-props';

/** WeChat's date picker sheet. */
export function DateField({ label, value, onChange, name, error, hint, start, end }: DateFieldProps) {
  return (
    <Field label={label} error={error} {...(hint ? { hint } : {})}>
      <Picker
        mode="date"
        value={value}
        start={start}
        end={end}
        name={name}
        onChange={(e) => onChange(String(e.detail.value))}
      >
        <View className="field-input field-date" ariaLabel={`${label}：${value ? formatDateCn(value) : '未选择'}`}>
          {value ? formatDateCn(value) : '请选择日期'}
        </View>
      </Picker>
    </Field>
  );
}
