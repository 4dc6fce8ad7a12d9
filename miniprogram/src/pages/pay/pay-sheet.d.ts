// Type seen by TypeScript; webpack resolves `./pay-sheet` to pay-sheet.weapp.ts or pay-sheet.h5.ts.
import type { OpenPaySheet } from './pay-sheet-contract';

export declare const openPaySheet: OpenPaySheet;
