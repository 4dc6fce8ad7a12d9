/**
 * `me` (首页): who I am (masked), my locality's current policy year and deadlines with days left, and
 * what I and the relatives who consented still owe this year, as of today.
 */
import { input, output } from '../../shared/contracts/me';
import { homeSummary } from '../lib/enrollment/home-summary';
import { defineFunction } from '../lib/handler';

export const me = defineFunction({
  name: 'me',
  input,
  output,
  signedIn: true,
  run: (_request, ctx) => homeSummary(ctx),
});

export const main = me.main;
