import { Input } from '@tarojs/components';
import type { TextInputProps } from './text-input-props';

/** WeChat's input, with its ID-card keyboard for ID numbers; `ariaLabel` is what its screen reader reads. */
export function TextInput({ name, label, value, onInput, placeholder, type, maxlength }: TextInputProps) {
  return (
    <Input
      className="field-input"
      id={name}
      name={name}
      type={type}
      value={value}
      placeholder={placeholder}
      maxlength={maxlength}
      ariaLabel={label}
      onInput={(e) => onInput(e.detail.value)}
    />
  );
}
