/**
 * Guards shared by the adapters: which transaction the current async call chain is inside, and a
 * lock that runs one transaction at a time over a single connection.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { StorageMisuse } from './errors';

const activeTransaction = new AsyncLocalStorage<object>();

/** Runs `fn` marked as inside the transaction of `owner` (a storage instance). */
export function withinTransaction<T>(owner: object, fn: () => Promise<T>): Promise<T> {
  return activeTransaction.run(owner, fn);
}

/** Throws when the outer storage is used from inside one of its own transactions. */
export function assertOutsideTransaction(owner: object): void {
  if (activeTransaction.getStore() === owner) {
    throw new StorageMisuse('事务内请通过 tx 参数访问存储，外层 storage 的操作不属于该事务');
  }
}

/** A transaction handle that refuses to work once its transaction has ended. */
export class TransactionLifetime {
  private open = true;

  end(): void {
    this.open = false;
  }

  assertOpen(): void {
    if (!this.open) throw new StorageMisuse('事务已结束，不能再使用其 tx 参数');
  }
}

/** Runs tasks one after another, in call order. */
export class SerialLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task);
    // The next task waits for this one to settle, whether it succeeded or not.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
