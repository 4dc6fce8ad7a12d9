/**
 * The shape of every cloud function: parse the event with the contract's input schema, take the caller
 * from the platform context, run the use case, check the answer against the output schema, wrap it in
 * the envelope. Whatever goes wrong, the caller gets an envelope with a plain Chinese message.
 *
 *   export const quote = defineFunction({ name: 'quote', input, output, run: async (input, ctx) => … });
 *   export const main = quote.main;          // CloudBase entry point
 *   quote.withDeps(deps)(event, context);     // local cloud and tests, over real SQLite
 */
import type { z } from 'zod';
import { failure, type Envelope } from '../../shared/contracts/envelope';
import { cloudbaseDeps } from './cloudbase-runtime';
import type { Deps, FunctionContext, SignedInContext } from './context';
import { chineseErrorMap, firstIssueMessage } from './input-messages';
import { createLogger } from './pii';

export const INTERNAL_MESSAGE = '系统繁忙，请稍后再试';
export const UNAUTHENTICATED_MESSAGE = '请先登录后再试';

export type FunctionSpec<In extends z.ZodTypeAny, Out extends z.ZodTypeAny, SignedIn extends boolean> = {
  /** The function's folder name under cloudfunctions/ and its path in the local cloud (/api/<name>). */
  name: string;
  input: In;
  output: Out;
  /** When true, calls without an OPENID are refused with UNAUTHENTICATED and `ctx.openid` is a string. */
  signedIn?: SignedIn;
  run(
    input: z.output<In>,
    ctx: SignedIn extends true ? SignedInContext : FunctionContext,
  ): Promise<Envelope<z.input<Out>>>;
};

/** `main(event, context)`: CloudBase's calling convention. */
export type Main<Out> = (event: unknown, context?: unknown) => Promise<Envelope<Out>>;

export type CloudFunction<Out = unknown> = {
  name: string;
  /** The CloudBase entry point; builds its dependencies from the CloudBase runtime on first call. */
  main: Main<Out>;
  /** The same function over the given dependencies (the local cloud, tests). */
  withDeps(deps: Deps): Main<Out>;
};

/** Fields the platform adds to the event itself; identity is taken from the context, so they are dropped. */
const PLATFORM_EVENT_FIELDS = ['userInfo', 'tcbContext'];

function withoutPlatformFields(event: unknown): unknown {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return event;
  return Object.fromEntries(Object.entries(event).filter(([key]) => !PLATFORM_EVENT_FIELDS.includes(key)));
}

export function defineFunction<In extends z.ZodTypeAny, Out extends z.ZodTypeAny, SignedIn extends boolean = false>(
  spec: FunctionSpec<In, Out, SignedIn>,
): CloudFunction<z.output<Out>> {
  const internal = (): Envelope<never> => failure('INTERNAL', INTERNAL_MESSAGE);

  const handle = async (deps: Deps, event: unknown, platformContext: unknown): Promise<Envelope<z.output<Out>>> => {
    const log = deps.log.child({ fn: spec.name });
    try {
      const parsed = spec.input.safeParse(withoutPlatformFields(event), { errorMap: chineseErrorMap });
      if (!parsed.success) return failure('INVALID_INPUT', firstIssueMessage(parsed.error));

      const openid = deps.identify(platformContext);
      if (spec.signedIn === true && openid === null) return failure('UNAUTHENTICATED', UNAUTHENTICATED_MESSAGE);
      const ctx: FunctionContext = {
        openid,
        clock: deps.clock,
        storage: deps.storage,
        pii: deps.pii,
        // Read when the use case asks: production builds (or reports missing) its payment setup only then.
        get payments() {
          return deps.payments;
        },
        log,
      };
      // Sound: when SignedIn is true, the check above guarantees ctx.openid is a string.
      const result = await spec.run(parsed.data, ctx as SignedIn extends true ? SignedInContext : FunctionContext);
      if (!result.ok) return result;

      // The contract is checked on the way out too: a drift fails here, and fields the contract
      // does not name (say, a sealed ID number) never leave the function.
      const checked = spec.output.safeParse(result.data);
      if (!checked.success) {
        log.error('output_contract_violation', {
          issues: checked.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code })),
        });
        return internal();
      }
      return { ok: true, data: checked.data };
    } catch (error) {
      log.error('unhandled_error', { error });
      return internal();
    }
  };

  let production: Deps | undefined;
  return {
    name: spec.name,
    main: async (event, context) => {
      try {
        production ??= cloudbaseDeps();
      } catch (error) {
        createLogger({ fn: spec.name }).error('deps_unavailable', { error });
        return internal();
      }
      return handle(production, event, context);
    },
    withDeps: (deps) => (event, context) => handle(deps, event, context),
  };
}
