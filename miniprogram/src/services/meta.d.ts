// Type seen by TypeScript; webpack resolves `./meta` to meta.weapp.ts or meta.h5.ts.
import type { LoadMeta } from './meta-contract';

export declare const loadMeta: LoadMeta;
