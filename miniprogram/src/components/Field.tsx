import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { TextInput } from './TextInput';

type FieldProps = {
  label: string;
  /** The Chinese message from the schema check, shown under the control and read out at once. */
  error?: string | null | undefined;
  hint?: string;
  children: ReactNode;
};

/** A labelled form row: label, the control, an optional hint, and the error in red under it. */
export function Field({ label, error, hint, children }: FieldProps) {
  return (
    <View className={`field${error ? ' field-invalid' : ''}`}>
      <Text className="field-label">{label}</Text>
      {children}
      {hint && !error ? <Text className="field-hint muted">{hint}</Text> : null}
      {error ? (
        <View className="field-error" role="alert">
          {error}
        </View>
      ) : null}
    </View>
  );
}

type TextFieldProps = {
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | null | undefined;
  hint?: string;
  placeholder?: string;
  /** 'idcard' brings up the ID keyboard (digits and X) in the mini-program. */
  type?: 'text' | 'idcard' | 'number';
  maxlength?: number;
  /** Form field name, also the element id (e2e tests and labels find the field by it). */
  name: string;
};

/** A text input inside a `Field`, labelled for screen readers with the visible label. */
export function TextField({
  label,
  value,
  onInput,
  error,
  hint,
  placeholder,
  type = 'text',
  maxlength,
  name,
}: TextFieldProps) {
  return (
    <Field label={label} error={error} {...(hint ? { hint } : {})}>
      <TextInput
        name={name}
        label={label}
        value={value}
        onInput={onInput}
        placeholder={placeholder}
        type={type}
        maxlength={maxlength ?? 140}
        invalid={Boolean(error)}
      />
    </Field>
  );
}
