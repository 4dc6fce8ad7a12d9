// Type seen by TypeScript; webpack resolves `./DateField` to DateField.h5.tsx or DateField.weapp.tsx.
import type { DateFieldProps } from './date-field-props';

export declare function DateField(props: DateFieldProps): JSX.Element;
