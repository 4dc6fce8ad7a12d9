/**
 * The part of wx-server-sdk's `cloud.cloudPay` (云开发微信支付, SDK ≥ 2.0.2) this adapter calls;
 * `cloud.cloudPay` satisfies it. Each call is WeChat Pay API v2 (服务商 mode, cloud development being the
 * service provider) over the platform's private link: no certificate, no signing, JSON instead of XML.
 * Parameter names follow each call's own documentation page: unifiedOrder's page uses camelCase,
 * queryOrder/closeOrder/refund's pages use the v2 snake_case names. Results come back camelCase
 * (returnCode, resultCode, tradeState …) and are parsed by the adapter, so they are typed `unknown` here.
 */
export interface CloudPayClient {
  /** CloudPay.unifiedOrder → v2 统一下单 (pay/unifiedorder); its `payment` result feeds wx.requestPayment. */
  unifiedOrder(params: CloudPayUnifiedOrderParams): Promise<unknown>;
  /** CloudPay.queryOrder → v2 查询订单 (pay/orderquery). */
  queryOrder(params: CloudPayQueryOrderParams): Promise<unknown>;
  /** CloudPay.closeOrder → v2 关闭订单 (pay/closeorder); not sooner than 5 minutes after the order was made. */
  closeOrder(params: CloudPayCloseOrderParams): Promise<unknown>;
  /** CloudPay.refund → v2 申请退款 (secapi/pay/refund); the outcome arrives at `functionName`. */
  refund(params: CloudPayRefundParams): Promise<unknown>;
}

export interface CloudPayUnifiedOrderParams {
  /** 商品描述, String(128). */
  body: string;
  /** 商户订单号. */
  outTradeNo: string;
  /** 总金额 in fen (integer). */
  totalFee: number;
  /** 终端IP; a cloud function has no payer IP, so the customary 127.0.0.1. */
  spbillCreateIp: string;
  /** 子商户号: our merchant number, bound to the cloud environment. */
  subMchId: string;
  /** Environment and function that receive the payment result (支付结果回调云函数). */
  envId: string;
  functionName: string;
  /** 随机字符串, ≤ 32 characters. */
  nonceStr: string;
  tradeType: 'JSAPI';
  /** 交易结束时间, yyyyMMddHHmmss in Beijing time. */
  timeExpire: string;
  /** The payer's OPENID under our mini-program (sub_appid), i.e. sub_openid in 服务商 mode. */
  subOpenid: string;
}

export interface CloudPayQueryOrderParams {
  sub_mch_id: string;
  out_trade_no: string;
  nonce_str: string;
}

export interface CloudPayCloseOrderParams {
  sub_mch_id: string;
  out_trade_no: string;
  nonce_str: string;
}

export interface CloudPayRefundParams {
  sub_mch_id: string;
  nonce_str: string;
  out_trade_no: string;
  /** 商户退款单号, String(64); a failed refund is retried with the same number. */
  out_refund_no: string;
  /** 订单金额 and 申请退款金额, both in fen. */
  total_fee: number;
  refund_fee: number;
  /** 退款原因, String(80), shown to the payer. */
  refund_desc: string;
  /** Environment and function that receive the refund result. */
  envId: string;
  functionName: string;
}
