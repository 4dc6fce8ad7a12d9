import { z } from 'zod';

/** Where a rule comes from: the document number and the clause inside it, e.g. 尤政办〔2023〕35号 四（三）. */
export const sourceSchema = z.object({
  document: z.string().min(1),
  clause: z.string().min(1),
});
export type Source = z.infer<typeof sourceSchema>;

/** One sentence of an answer and the clause that decided it. */
export const explanationSchema = z.object({ text: z.string().min(1), source: sourceSchema });
export type Explanation = z.infer<typeof explanationSchema>;
