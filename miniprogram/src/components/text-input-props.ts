export type TextInputProps = {
  /** Element id and form name. */
  name: string;
  /** What a screen reader announces: the field's visible label. */
  label: string;
  value: string;
  onInput: (value: string) => void;
  placeholder?: string | undefined;
  /** 'idcard' brings up the ID keyboard (digits and X) in the mini-program. */
  type: 'text' | 'idcard' | 'number';
  maxlength: number;
  invalid: boolean;
};
