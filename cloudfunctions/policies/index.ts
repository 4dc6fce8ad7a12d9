/** `policies`: the catalogue of every policy with its categories and windows. Public, no storage. */
import { input, output } from '../../shared/contracts/policies';
import { answerPolicies } from '../../shared/rules';
import { defineFunction } from '../lib/handler';

export const policies = defineFunction({
  name: 'policies',
  input,
  output,
  run: async () => answerPolicies(),
});

export const main = policies.main;
