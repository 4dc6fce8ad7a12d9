/**
 * 家庭共济: an employee (职工医保 insured) pays a relative's 城乡居民 premium from their 个人账户.
 * Which relationships qualify, and in which windows, is decided by the rules module before a debit.
 */
export type Relationship = 'spouse' | 'parent' | 'child' | 'sibling' | 'grandparent' | 'grandchild';

export interface EmployeeAccountDebitInput {
  /** The account holder's OPENID from the platform context. */
  holderOpenid: string;
  /** Our order number; one order is debited at most once, however often the call is retried. */
  orderNo: string;
  amountFen: number;
  /** The relatives the premium is for, by their relationship to the holder. */
  beneficiaries: ReadonlyArray<{ relationship: Relationship }>;
}

export interface EmployeeAccountDebit {
  debitId: string;
  orderNo: string;
  holderOpenid: string;
  amountFen: number;
  beneficiaries: Array<{ relationship: Relationship }>;
  state: 'debited' | 'reversed';
  debitedAt: Date;
  reversedAt: Date | null;
}

export interface EmployeeAccountPort {
  getBalance(holderOpenid: string): Promise<{ balanceFen: number }>;
  /** Idempotent by orderNo: a retry returns the first debit (even if since reversed); refuses an insufficient balance. */
  debit(input: EmployeeAccountDebitInput): Promise<EmployeeAccountDebit>;
  /** Gives the money back to the account; idempotent. */
  reverse(orderNo: string): Promise<EmployeeAccountDebit>;
}
