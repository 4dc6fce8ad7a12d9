// Type seen by TypeScript; webpack resolves `./ActionButton` to ActionButton.h5.tsx or ActionButton.weapp.tsx.
import type { ActionButtonProps } from './action-button-props';

export declare function ActionButton(props: ActionButtonProps): JSX.Element;
