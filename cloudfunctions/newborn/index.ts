/**
 * `newborn` (新生儿参保): a parent checks (`check`) and enrolls (`enroll`) their baby with the baby's ID
 * number or birth-certificate number; the 90-day answer comes before anything is written.
 */
import { input, output } from '../../shared/contracts/newborn';
import { enrollNewborn } from '../lib/enrollment/newborn-enrollment';
import { defineFunction } from '../lib/handler';

export const newborn = defineFunction({
  name: 'newborn',
  input,
  output,
  signedIn: true,
  run: (request, ctx) => enrollNewborn(ctx, request),
});

export const main = newborn.main;
