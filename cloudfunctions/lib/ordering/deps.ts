import { failure, type Envelope } from '../../../shared/contracts/envelope';
import type { FunctionContext, Payments } from '../context';

export type OrderingDeps = Pick<FunctionContext, 'storage' | 'pii' | 'clock' | 'log'> & { payments: Payments };

/** Functions that take payments need the payment ports; a process built without them says so plainly. */
export function withPayments(ctx: FunctionContext): Envelope<OrderingDeps> {
  if (!ctx.payments) return failure('PAYMENTS_UNAVAILABLE', '支付服务暂时不可用，请稍后再试。');
  return {
    ok: true,
    data: { storage: ctx.storage, pii: ctx.pii, clock: ctx.clock, log: ctx.log, payments: ctx.payments },
  };
}
