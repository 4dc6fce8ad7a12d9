/**
 * `npm start`: builds the H5 app if needed, then runs the local cloud on 127.0.0.1:${PORT:-8080}
 * with its data in ${DATA_DIR:-.data} and the date pinned by ${TODAY:-2024-11-15}.
 * SIGTERM / SIGINT stop it cleanly: no new requests, then the database is closed (WAL checkpointed).
 */
import { resolve } from 'node:path';
import { createLogger } from '../lib/pii';
import { startLocalCloud } from './cloud';
import { ensureH5Build } from './h5';

async function main(): Promise<void> {
  const rootDir = process.cwd();
  const log = createLogger({ cloud: 'local' });
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 无效：${process.env.PORT}`);

  ensureH5Build(rootDir, log);
  const cloud = await startLocalCloud({
    port,
    rootDir,
    dataDir: resolve(rootDir, process.env.DATA_DIR ?? '.data'),
    env: process.env,
    log,
  });
  console.log(`本地云已启动：${cloud.url}（今天：${cloud.deps.clock.today()}）`);

  const stop = (signal: string) => {
    log.info('local_cloud_stopping', { signal });
    cloud.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('local_cloud_stop_failed', { error });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  createLogger({ cloud: 'local' }).error('local_cloud_start_failed', { error });
  process.exit(1);
});
