/**
 * `register` (参保登记): the caller proves who they are (name + ID number against the registry; the
 * first call links their WeChat account) and registers for the current coverage year, with their
 * household when it enrolls for the first time (全户参保). Payment is the `pay` function.
 */
import { input, output } from '../../shared/contracts/register';
import { registerHousehold } from '../lib/enrollment/household-enrollment';
import { defineFunction } from '../lib/handler';

export const register = defineFunction({
  name: 'register',
  input,
  output,
  signedIn: true,
  run: (request, ctx) => registerHousehold(ctx, request),
});

export const main = register.main;
