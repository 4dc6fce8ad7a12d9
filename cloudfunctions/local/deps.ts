/**
 * Dependencies of the local cloud: SQLite in DATA_DIR, PII keys from the environment or
 * DATA_DIR/keys.json, the clock pinned by TODAY, the caller from the dev login's X-Openid header.
 */
import type { Clock } from '../lib/clock';
import { identifyLocalCaller, type Deps, type Payments } from '../lib/context';
import { createLogger, createPii, loadLocalKeys, type Logger } from '../lib/pii';
import { openSqliteStorageIn } from '../lib/storage/sqlite';

export type LocalDepsOptions = {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  clock: Clock;
  log?: Logger;
  payments?: Payments;
};

export async function createLocalDeps(options: LocalDepsOptions): Promise<Deps> {
  // Keys first: a bad key file then fails the start before a database is left open.
  const pii = createPii(loadLocalKeys(options.dataDir, options.env));
  const storage = await openSqliteStorageIn(options.dataDir);
  return {
    storage,
    pii,
    clock: options.clock,
    log: options.log ?? createLogger({ cloud: 'local' }),
    ...(options.payments ? { payments: options.payments } : {}),
    identify: identifyLocalCaller,
  };
}
