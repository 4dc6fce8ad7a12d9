import { envelopeSchema, type Envelope } from '../../../shared/contracts/envelope';
import { contracts, type FunctionName, type InputOf, type OutputOf } from './contracts';
import type { Transport } from './transport-contract';

/** Codes the client itself produces; every other code comes from the function. */
export const clientErrors = {
  unreachable: { code: 'NETWORK', message: '网络连接失败，请检查网络后重试' },
  badReply: { code: 'BAD_RESPONSE', message: '服务返回的数据无法识别，请稍后重试' },
} as const;

export type Call = <N extends FunctionName>(name: N, input: InputOf<N>) => Promise<Envelope<OutputOf<N>>>;

/**
 * Builds `call` over a platform transport. The result is the function's envelope, validated against
 * its contract. Never throws: an unreachable service or a reply of the wrong shape becomes
 * `{ ok: false }` with a Chinese message, so a page only ever handles the two envelope cases.
 */
export function createCall(transport: Transport): Call {
  return async (name, input) => {
    let body: unknown;
    try {
      body = await transport(name, input);
    } catch {
      return { ok: false, error: { ...clientErrors.unreachable } };
    }
    const parsed = envelopeSchema(contracts[name].output).safeParse(body);
    if (!parsed.success) return { ok: false, error: { ...clientErrors.badReply } };
    // Sound: the schema that accepted `body` is the one `OutputOf<N>` is inferred from.
    return parsed.data as Envelope<OutputOf<typeof name>>;
  };
}
