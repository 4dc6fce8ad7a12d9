import type { TextInputProps } from './text-input-props';

/**
 * A native <input>: Taro's H5 Input is a custom element whose inner <input> carries no label, so
 * screen readers (and tests that find fields by label) would not know what it asks for.
 */
export function TextInput({ name, label, value, onInput, placeholder, type, maxlength, invalid }: TextInputProps) {
  return (
    <input
      className="field-input"
      id={name}
      name={name}
      type="text"
      inputMode={type === 'number' ? 'numeric' : 'text'}
      autoComplete="off"
      value={value}
      placeholder={placeholder}
      maxLength={maxlength}
      aria-label={label}
      aria-invalid={invalid}
      onChange={(e) => onInput(e.currentTarget.value)}
    />
  );
}
