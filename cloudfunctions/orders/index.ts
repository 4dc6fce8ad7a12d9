/** `orders`: my payment history and the receipt of one of my orders (缴费凭证). */
import { input, output } from '../../shared/contracts/orders';
import { defineFunction } from '../lib/handler';
import { listOrders, orderReceipt } from '../lib/ordering/manage';

const DEFAULT_LIMIT = 20;

export const orders = defineFunction({
  name: 'orders',
  input,
  output,
  signedIn: true,
  run: async (request, ctx) => {
    switch (request.action) {
      case 'list':
        return listOrders(ctx, ctx.openid, request.limit ?? DEFAULT_LIMIT);
      case 'receipt':
        return orderReceipt(ctx, ctx.openid, request.orderNo);
    }
  },
});

export const main = orders.main;
