import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatYuan } from '../../shared/rules/money';
import {
  PaymentError,
  SandboxEmployeeAccount,
  type EmployeeAccountDebitInput,
} from '../../cloudfunctions/lib/payments';

const clock = { now: () => new Date('2022-10-08T01:00:00Z') };
const HOLDER = 'openid-employee-1';

function debitFor(overrides: Partial<EmployeeAccountDebitInput> = {}): EmployeeAccountDebitInput {
  return {
    holderOpenid: HOLDER,
    orderNo: 'FAM2023000001',
    amountFen: 38_000,
    beneficiaries: [{ relationship: 'parent' }],
    ...overrides,
  };
}

async function refusal(promise: Promise<unknown>): Promise<PaymentError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof PaymentError)) throw new Error(`expected a PaymentError, got ${String(error)}`);
  return error;
}

describe('sandbox employee account (职工医保个人账户, 家庭共济)', () => {
  let dir: string;
  let path: string;
  let account: SandboxEmployeeAccount;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'payments-employee-'));
    path = join(dir, 'employee-account.sqlite');
    account = new SandboxEmployeeAccount({ databasePath: path, clock });
    account.setBalance(HOLDER, 100_000);
  });

  afterEach(() => {
    account.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('debits once when 200 identical debit calls arrive at the same time', async () => {
    const results = await Promise.all(Array.from({ length: 200 }, () => account.debit(debitFor())));
    expect(new Set(results.map((r) => r.debitId)).size).toBe(1);
    expect(results[0]).toMatchObject({
      orderNo: 'FAM2023000001',
      holderOpenid: HOLDER,
      amountFen: 38_000,
      beneficiaries: [{ relationship: 'parent' }],
      state: 'debited',
      debitedAt: clock.now(),
      reversedAt: null,
    });
    expect(await account.getBalance(HOLDER)).toEqual({ balanceFen: 62_000 });
  });

  it('debits once when identical calls come through two connections to the same file', async () => {
    const second = new SandboxEmployeeAccount({ databasePath: path, clock });
    try {
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? account : second).debit(debitFor())),
      );
      expect(new Set(results.map((r) => r.debitId)).size).toBe(1);
      expect(await second.getBalance(HOLDER)).toEqual({ balanceFen: 62_000 });
    } finally {
      second.close();
    }
  });

  it('refuses a debit larger than the balance with a plain Chinese message and leaves the balance alone', async () => {
    const error = await refusal(account.debit(debitFor({ amountFen: 100_001 })));
    expect(error.code).toBe('INSUFFICIENT_BALANCE');
    expect(error.message).toBe(
      `职工医保个人账户余额不足：本次需 ${formatYuan(100_001)}，当前可用 ${formatYuan(100_000)}。`,
    );
    expect(error.message).toMatch(/1000\.01 ?元.*1000 ?元/);
    expect(await account.getBalance(HOLDER)).toEqual({ balanceFen: 100_000 });
    expect((await refusal(account.reverse('FAM2023000001'))).code).toBe('DEBIT_NOT_FOUND');
  });

  it('allows a debit of exactly the whole balance', async () => {
    await account.debit(debitFor({ amountFen: 100_000 }));
    expect(await account.getBalance(HOLDER)).toEqual({ balanceFen: 0 });
    expect((await refusal(account.debit(debitFor({ orderNo: 'FAM2023000002', amountFen: 1 })))).code).toBe(
      'INSUFFICIENT_BALANCE',
    );
  });

  it('refuses to reuse an order number for a different amount or holder', async () => {
    await account.debit(debitFor());
    account.setBalance('openid-employee-2', 100_000);
    expect((await refusal(account.debit(debitFor({ amountFen: 1 })))).code).toBe('DEBIT_CONFLICT');
    expect((await refusal(account.debit(debitFor({ holderOpenid: 'openid-employee-2' })))).code).toBe('DEBIT_CONFLICT');
    expect(await account.getBalance(HOLDER)).toEqual({ balanceFen: 62_000 });
  });

  it('gives the money back on reverse, once, and a later retry of the debit does not debit again', async () => {
    await account.debit(debitFor());
    const reversed = await account.reverse('FAM2023000001');
    expect(reversed).toMatchObject({ state: 'reversed', reversedAt: clock.now() });
    expect(await account.reverse('FAM2023000001')).toEqual(reversed);
    expect(await account.getBalance(HOLDER)).toEqual({ balanceFen: 100_000 });
    expect(await account.debit(debitFor())).toEqual(reversed);
    expect(await account.getBalance(HOLDER)).toEqual({ balanceFen: 100_000 });
  });

  it('refuses an unknown holder, a debit with no beneficiary and a non-integer amount', async () => {
    expect((await refusal(account.getBalance('openid-nobody'))).code).toBe('ACCOUNT_NOT_FOUND');
    expect((await refusal(account.debit(debitFor({ holderOpenid: 'openid-nobody' })))).code).toBe('ACCOUNT_NOT_FOUND');
    expect((await refusal(account.debit(debitFor({ beneficiaries: [] })))).code).toBe('INVALID_PAYMENT_REQUEST');
    expect((await refusal(account.debit(debitFor({ amountFen: 0.5 })))).code).toBe('INVALID_PAYMENT_REQUEST');
  });

  it('keeps balances and debits in its SQLite file across a restart', async () => {
    await account.debit(debitFor({ beneficiaries: [{ relationship: 'spouse' }, { relationship: 'child' }] }));
    account.close();
    account = new SandboxEmployeeAccount({ databasePath: path, clock });
    expect(await account.getBalance(HOLDER)).toEqual({ balanceFen: 62_000 });
    expect((await account.debit(debitFor())).beneficiaries).toEqual([
      { relationship: 'spouse' },
      { relationship: 'child' },
    ]);
  });
});
