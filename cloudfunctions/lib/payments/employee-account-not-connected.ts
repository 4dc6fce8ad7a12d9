/**
 * 家庭共济 from a 职工医保个人账户 in production. The accounts are kept by the local 医保 bureau's platform,
 * which publishes no interface we could call; until the bureau provides its interface specification
 * and credentials, every request is refused in plain words so the payer can use WeChat Pay instead.
 * Nothing is ever debited through this adapter.
 */
import type { EmployeeAccountDebit, EmployeeAccountPort } from './employee-account-port';
import { PaymentError } from './errors';

export const EMPLOYEE_ACCOUNT_NOT_OPEN_MESSAGE = '职工医保个人账户家庭共济代缴暂未开通，请使用微信支付';

function notOpen(): PaymentError {
  return new PaymentError('EMPLOYEE_ACCOUNT_NOT_OPEN', EMPLOYEE_ACCOUNT_NOT_OPEN_MESSAGE);
}

export class EmployeeAccountNotConnected implements EmployeeAccountPort {
  /** pay's preview and create ask for the balance first, so the refusal comes before any order exists. */
  async getBalance(): Promise<{ balanceFen: number }> {
    throw notOpen();
  }

  async debit(): Promise<EmployeeAccountDebit> {
    throw notOpen();
  }

  /** Nothing was debited here, so there is nothing to give back (the caller treats this as done). */
  async reverse(): Promise<EmployeeAccountDebit> {
    throw new PaymentError('DEBIT_NOT_FOUND', '未找到该订单的个人账户扣款记录');
  }
}
