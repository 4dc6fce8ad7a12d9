/**
 * `benefits` (待遇查询): per coverage year, for the caller and the relatives who consented — paid on,
 * amount, cover start and end, waiting days left as of today, and the clauses behind them.
 */
import { input, output } from '../../shared/contracts/benefits';
import { benefitsOf } from '../lib/enrollment/benefit-status';
import { defineFunction } from '../lib/handler';

export const benefits = defineFunction({
  name: 'benefits',
  input,
  output,
  signedIn: true,
  run: (request, ctx) => benefitsOf(ctx, request),
});

export const main = benefits.main;
