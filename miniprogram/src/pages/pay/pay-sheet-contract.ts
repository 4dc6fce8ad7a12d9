import type { PayParams } from '../../../../shared/contracts/pay-params';

/**
 * What became of the pay sheet. `submitted`: the payer finished it (the order is settled by the
 * gateway's notification, so the page still asks `pay.status`); `left`: the app navigated to the
 * sheet and comes back to the result page on its own (the H5 sandbox).
 */
export type SheetOutcome =
  { kind: 'submitted' } | { kind: 'cancelled' } | { kind: 'left' } | { kind: 'error'; message: string };

export type OpenPaySheet = (params: PayParams, orderNo: string) => Promise<SheetOutcome>;

/** Where the payer lands after the sheet: this page, showing the order's result. */
export function resultPath(orderNo: string): string {
  return `/pages/pay/index?orderNo=${encodeURIComponent(orderNo)}`;
}
