/** The functions the local cloud serves at POST /api/<name>: adding one is one line here. */
import type { CloudFunction } from '../lib/handler';
import { benefits } from '../benefits';
import { family } from '../family';
import { me } from '../me';
import { newborn } from '../newborn';
import { orders } from '../orders';
import { pay } from '../pay';
import { payNotify } from '../payNotify';
import { policies } from '../policies';
import { quote } from '../quote';
import { register } from '../register';

export const functions: Readonly<Record<string, CloudFunction>> = {
  policies,
  quote,
  register,
  newborn,
  benefits,
  me,
  family,
  pay,
  payNotify,
  orders,
};
