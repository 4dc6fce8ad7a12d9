/**
 * `quote`: what paying on a date would cost one person and from which day it covers them. Public:
 * an estimate from what the caller typed, stored nowhere. "Today" (for checking an ID number's birth
 * date) comes from the clock port.
 */
import { input, output } from '../../shared/contracts/quote';
import { answerQuote } from '../../shared/rules';
import { defineFunction } from '../lib/handler';

export const quote = defineFunction({
  name: 'quote',
  input,
  output,
  run: async (request, ctx) => answerQuote(request, ctx.clock.today()),
});

export const main = quote.main;
