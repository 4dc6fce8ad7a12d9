// Type seen by TypeScript; webpack resolves `./DevBar` to DevBar.h5.tsx (the local demo) or DevBar.weapp.tsx.
export declare function DevBar(): JSX.Element | null;
