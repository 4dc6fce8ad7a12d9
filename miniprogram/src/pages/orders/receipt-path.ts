/** The receipt page of one order (a page of its own: tab pages cannot take a query in WeChat). */
export function receiptPath(orderNo: string): string {
  return `/pages/orders/receipt?orderNo=${encodeURIComponent(orderNo)}`;
}
