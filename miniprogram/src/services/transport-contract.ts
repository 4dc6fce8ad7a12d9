/**
 * Carries one call to the named cloud function and resolves with the reply body as received.
 * Rejects only when the service cannot be reached; the body is validated by `api.ts`, not here.
 * Each platform implements it in `transport.<platform>.ts`; Taro picks the file at build time.
 */
export type Transport = (name: string, data: object) => Promise<unknown>;
