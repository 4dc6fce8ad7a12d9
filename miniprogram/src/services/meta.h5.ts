import { shanghaiDate } from '../lib/format';
import { metaSchema, type LoadMeta } from './meta-contract';

/** The local cloud pins its date (TODAY); without it (a static server) the phone's date stands in. */
export const loadMeta: LoadMeta = async () => {
  try {
    const res = await fetch('/api/_meta');
    const parsed = metaSchema.safeParse(await res.json());
    if (parsed.success) return parsed.data;
  } catch {
    // Not served by the local cloud: fall through to the phone's own date.
  }
  return { today: shanghaiDate(new Date()), localMode: false, demoUsers: [] };
};
