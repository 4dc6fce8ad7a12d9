/**
 * `pay`: preview and create one order for one or several people (all or nothing, idempotent by the
 * client's key), poll its status (asking the gateway when no notification came), cancel it.
 */
import { input, output } from '../../shared/contracts/pay';
import { defineFunction } from '../lib/handler';
import { createOrder, previewOrder } from '../lib/ordering/create';
import { withPayments } from '../lib/ordering/deps';
import { cancelOrder, orderStatus } from '../lib/ordering/manage';

export const pay = defineFunction({
  name: 'pay',
  input,
  output,
  signedIn: true,
  run: async (request, ctx) => {
    const deps = withPayments(ctx);
    if (!deps.ok) return deps;
    switch (request.action) {
      case 'preview':
        return previewOrder(deps.data, ctx.openid, request);
      case 'create':
        return createOrder(deps.data, ctx.openid, request);
      case 'status':
        return orderStatus(deps.data, ctx.openid, request.orderNo);
      case 'cancel':
        return cancelOrder(deps.data, ctx.openid, request.orderNo);
    }
  },
});

export const main = pay.main;
