import { shanghaiDate } from '../lib/format';
import type { LoadMeta } from './meta-contract';

/** Production: today is the real date in Asia/Shanghai; there is no dev login. */
export const loadMeta: LoadMeta = async () => ({ today: shanghaiDate(new Date()), localMode: false, demoUsers: [] });
