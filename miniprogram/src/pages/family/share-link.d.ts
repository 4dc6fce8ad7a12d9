// Type seen by TypeScript; webpack resolves `./share-link` to share-link.weapp.tsx or share-link.h5.tsx.
/** The button that passes a consent request on: WeChat's share card, or a copied link in the H5 demo. */
export declare function ShareConsentButton(props: { token: string }): JSX.Element;
