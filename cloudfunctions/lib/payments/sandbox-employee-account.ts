import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { formatYuan } from '../../../shared/rules/money';
import type { EmployeeAccountDebit, EmployeeAccountDebitInput, EmployeeAccountPort } from './employee-account-port';
import { PaymentError } from './errors';
import type { PaymentClock } from './gateway-port';
import { openSandboxDatabase, type SandboxDatabase } from './sandbox-database';

const relationships = z.enum(['spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild']);
const beneficiaries = z.array(z.object({ relationship: relationships })).min(1);

interface DebitRow {
  order_no: string;
  debit_id: string;
  holder_openid: string;
  amount_fen: number;
  beneficiaries: string;
  state: 'debited' | 'reversed';
  debited_at: string;
  reversed_at: string | null;
}

const MIGRATIONS = [
  `CREATE TABLE employee_accounts (
     holder_openid TEXT PRIMARY KEY,
     balance_fen   INTEGER NOT NULL CHECK (balance_fen >= 0),
     updated_at    TEXT NOT NULL
   ) STRICT;
   CREATE TABLE employee_debits (
     order_no      TEXT PRIMARY KEY,
     debit_id      TEXT NOT NULL UNIQUE,
     holder_openid TEXT NOT NULL REFERENCES employee_accounts (holder_openid),
     amount_fen    INTEGER NOT NULL CHECK (amount_fen > 0),
     beneficiaries TEXT NOT NULL,
     state         TEXT NOT NULL CHECK (state IN ('debited', 'reversed')),
     debited_at    TEXT NOT NULL,
     reversed_at   TEXT
   ) STRICT;`,
];

export interface SandboxEmployeeAccountOptions {
  /** Its own SQLite file, so demo balances and debits survive a restart. */
  databasePath: string;
  clock: PaymentClock;
}

/**
 * Stand-in for the 医保 system's 职工医保个人账户 in local runs and tests. The balance can never go below
 * zero (a table constraint backs the check) and each order number is debited at most once.
 */
export class SandboxEmployeeAccount implements EmployeeAccountPort {
  private readonly db: SandboxDatabase;
  private readonly clock: PaymentClock;

  constructor(options: SandboxEmployeeAccountOptions) {
    this.clock = options.clock;
    this.db = openSandboxDatabase(options.databasePath, 'sandbox-employee-account', MIGRATIONS);
  }

  /** Seeds or resets a demo balance. */
  setBalance(holderOpenid: string, balanceFen: number): void {
    checkHolder(holderOpenid);
    if (!Number.isSafeInteger(balanceFen) || balanceFen < 0) {
      throw new PaymentError('INVALID_PAYMENT_REQUEST', '账户余额应为不小于 0 的整数分');
    }
    this.db
      .prepare(
        `INSERT INTO employee_accounts (holder_openid, balance_fen, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (holder_openid) DO UPDATE SET balance_fen = excluded.balance_fen, updated_at = excluded.updated_at`,
      )
      .run(holderOpenid, balanceFen, this.clock.now().toISOString());
  }

  async getBalance(holderOpenid: string): Promise<{ balanceFen: number }> {
    return { balanceFen: this.balanceOf(holderOpenid) };
  }

  async debit(input: EmployeeAccountDebitInput): Promise<EmployeeAccountDebit> {
    checkHolder(input.holderOpenid);
    if (input.orderNo.trim() === '' || input.orderNo.length > 64) {
      throw new PaymentError('INVALID_PAYMENT_REQUEST', '订单号应为 1–64 个字符');
    }
    if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) {
      throw new PaymentError('INVALID_PAYMENT_REQUEST', '扣款金额应为大于 0 的整数分');
    }
    const forWhom = beneficiaries.safeParse(input.beneficiaries);
    if (!forWhom.success) throw new PaymentError('INVALID_PAYMENT_REQUEST', '请选择要代缴的亲属及其与您的关系');
    const now = this.clock.now();
    const row = this.db
      .transaction(() => {
        const existing = this.findDebit(input.orderNo);
        if (existing) {
          if (existing.holder_openid !== input.holderOpenid || existing.amount_fen !== input.amountFen) {
            throw new PaymentError('DEBIT_CONFLICT', '该订单号已用于另一笔个人账户扣款，请勿重复使用订单号');
          }
          return existing;
        }
        const balanceFen = this.balanceOf(input.holderOpenid);
        if (balanceFen < input.amountFen) {
          throw new PaymentError(
            'INSUFFICIENT_BALANCE',
            `职工医保个人账户余额不足：本次需 ${formatYuan(input.amountFen)}，当前可用 ${formatYuan(balanceFen)}。`,
          );
        }
        this.db
          .prepare('UPDATE employee_accounts SET balance_fen = balance_fen - ?, updated_at = ? WHERE holder_openid = ?')
          .run(input.amountFen, now.toISOString(), input.holderOpenid);
        this.db
          .prepare(
            `INSERT INTO employee_debits (order_no, debit_id, holder_openid, amount_fen, beneficiaries, state, debited_at)
             VALUES (?, ?, ?, ?, ?, 'debited', ?)`,
          )
          .run(
            input.orderNo,
            `EAD${randomBytes(12).toString('hex')}`,
            input.holderOpenid,
            input.amountFen,
            JSON.stringify(forWhom.data),
            now.toISOString(),
          );
        return this.getDebit(input.orderNo);
      })
      .immediate();
    return debitOf(row);
  }

  async reverse(orderNo: string): Promise<EmployeeAccountDebit> {
    const now = this.clock.now();
    const row = this.db
      .transaction(() => {
        const debit = this.getDebit(orderNo);
        if (debit.state === 'reversed') return debit;
        this.db
          .prepare('UPDATE employee_accounts SET balance_fen = balance_fen + ?, updated_at = ? WHERE holder_openid = ?')
          .run(debit.amount_fen, now.toISOString(), debit.holder_openid);
        this.db
          .prepare(`UPDATE employee_debits SET state = 'reversed', reversed_at = ? WHERE order_no = ?`)
          .run(now.toISOString(), orderNo);
        return this.getDebit(orderNo);
      })
      .immediate();
    return debitOf(row);
  }

  close(): void {
    this.db.close();
  }

  private balanceOf(holderOpenid: string): number {
    const account = this.db
      .prepare<[string], { balance_fen: number }>('SELECT balance_fen FROM employee_accounts WHERE holder_openid = ?')
      .get(holderOpenid);
    if (!account) throw new PaymentError('ACCOUNT_NOT_FOUND', '未找到您的职工医保个人账户，请确认已参加职工医保');
    return account.balance_fen;
  }

  private findDebit(orderNo: string): DebitRow | undefined {
    return this.db.prepare<[string], DebitRow>('SELECT * FROM employee_debits WHERE order_no = ?').get(orderNo);
  }

  private getDebit(orderNo: string): DebitRow {
    const row = this.findDebit(orderNo);
    if (!row) throw new PaymentError('DEBIT_NOT_FOUND', '未找到该订单的个人账户扣款记录');
    return row;
  }
}

function checkHolder(holderOpenid: string): void {
  if (holderOpenid.trim() === '')
    throw new PaymentError('INVALID_PAYMENT_REQUEST', '缺少账户持有人身份，请重新登录后再试');
}

function debitOf(row: DebitRow): EmployeeAccountDebit {
  return {
    debitId: row.debit_id,
    orderNo: row.order_no,
    holderOpenid: row.holder_openid,
    amountFen: row.amount_fen,
    beneficiaries: beneficiaries.parse(JSON.parse(row.beneficiaries)),
    state: row.state,
    debitedAt: new Date(row.debited_at),
    reversedAt: row.reversed_at === null ? null : new Date(row.reversed_at),
  };
}
