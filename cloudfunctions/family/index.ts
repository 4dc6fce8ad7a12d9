/**
 * `family` (家人绑定): bind a relative, the relative's consent, list, unbind. The caller is the
 * platform's OPENID; consent and guardianship are checked against the resident it is linked to.
 */
import { input, output } from '../../shared/contracts/family';
import { bind, confirm, list, unbind } from '../lib/family/bindings';
import { defineFunction } from '../lib/handler';

export const family = defineFunction({
  name: 'family',
  input,
  output,
  signedIn: true,
  run: async (request, ctx) => {
    switch (request.action) {
      case 'bind':
        return bind(ctx, ctx.openid, request);
      case 'confirm':
        return confirm(ctx, ctx.openid, request);
      case 'list':
        return list(ctx, ctx.openid);
      case 'unbind':
        return unbind(ctx, ctx.openid, request.bindingId);
    }
  },
});

export const main = family.main;
