import { z } from 'zod';
import { isIsoDate } from '../rules/civil-date';

export const isoDate = z
  .string({ required_error: '请填写日期', invalid_type_error: '日期应为文字，如 2024-03-01' })
  .refine(isIsoDate, { message: '日期应为 YYYY-MM-DD 格式的真实日期，如 2024-03-01' });

export const policyId = z.string({ required_error: '请选择参保地区和年度' }).min(1, '请选择参保地区和年度');

export const sourceOut = z.object({ document: z.string(), clause: z.string() });
export const explanationOut = z.array(z.object({ text: z.string(), source: sourceOut }));
