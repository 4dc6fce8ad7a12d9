// Type seen by TypeScript; webpack resolves `./transport` to transport.weapp.ts or transport.h5.ts.
import type { Transport } from './transport-contract';

export declare const transport: Transport;
