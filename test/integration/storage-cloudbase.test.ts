import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, createCloudbaseStorage } from '../../cloudfunctions/lib/storage/cloudbase';
import type { Storage } from '../../cloudfunctions/lib/storage/port';
import { FakeCloudbaseDb } from './storage-cloudbase-fake';
import { describeStorageContract, type StorageHarness } from './storage-contract';

async function cloudbaseHarness(): Promise<StorageHarness> {
  const db = new FakeCloudbaseDb();
  let current: Storage = createCloudbaseStorage(db);
  return {
    storage: current,
    async reopen() {
      await current.close();
      current = createCloudbaseStorage(db);
      return current;
    },
    async dispose() {
      await current.close();
    },
  };
}

describeStorageContract('CloudBase (over an in-memory model of its document database)', cloudbaseHarness);

describe('the CloudBase index list', () => {
  type IndexList = { collections: { name: string; indexes: { unique: boolean; fields: { field: string }[] }[] }[] };
  const list = JSON.parse(
    readFileSync(join(__dirname, '../../cloudfunctions/lib/storage/cloudbase-indexes.json'), 'utf8'),
  ) as IndexList;
  const uniqueFields = (name: string) =>
    list.collections
      .find((c) => c.name === name)
      ?.indexes.filter((i) => i.unique)
      .map((i) => i.fields.map((f) => f.field)) ?? [];

  it('names every collection the adapter uses', () => {
    expect(list.collections.map((c) => c.name).sort()).toEqual(Object.values(COLLECTIONS).sort());
  });

  it('declares the unique indexes the port promises', () => {
    expect(uniqueFields('orders')).toEqual(expect.arrayContaining([['orderNo'], ['payerOpenid', 'idempotencyKey']]));
    expect(uniqueFields('enrollments')).toEqual(expect.arrayContaining([['residentId', 'coverageYear']]));
    expect(uniqueFields('residents')).toEqual(expect.arrayContaining([['idLookupKey']]));
    expect(uniqueFields('payment_notifications')).toEqual(expect.arrayContaining([['transactionId']]));
    expect(uniqueFields('family_bindings')).toEqual(expect.arrayContaining([['ownerOpenid', 'residentId']]));
  });
});
