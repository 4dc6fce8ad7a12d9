import { createCall } from './client';
import { transport } from './transport';

export { clientErrors, type Call } from './client';
export type { FunctionName, InputOf, OutputOf } from './contracts';
export type { Envelope, AppError } from '../../../shared/contracts/envelope';
export type { PolicySummary } from '../../../shared/contracts/policies';
export type { Quote, QuoteInput, PersonInput } from '../../../shared/contracts/quote';

/** `call(name, input)`: the one way pages reach a cloud function (wx.cloud in weapp, /api in H5). */
export const call = createCall(transport);
