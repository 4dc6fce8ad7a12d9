// Type seen by TypeScript; webpack resolves `./TextInput` to TextInput.h5.tsx or TextInput.weapp.tsx.
import type { TextInputProps } from './text-input-props';

export declare function TextInput(props: TextInputProps): JSX.Element;
