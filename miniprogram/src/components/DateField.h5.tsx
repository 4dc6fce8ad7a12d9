import { Field } from './Field';
import type { DateFieldProps } from './date-field-props';

/** The browser's own date input: keyboard-accessible, read out by screen readers, and typeable. */
export function DateField({ label, value, onChange, name, error, hint, start, end }: DateFieldProps) {
  return (
    <Field label={label} error={error} {...(hint ? { hint } : {})}>
      <input
        className="field-input field-date"
        type="date"
        id={name}
        name={name}
        value={value}
        min={start}
        max={end}
        aria-label={label}
        aria-invalid={Boolean(error)}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </Field>
  );
}
