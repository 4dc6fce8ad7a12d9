import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { CallStateView } from '../../components/CallStateView';
import { ClauseList } from '../../components/ClauseList';
import { Heading } from '../../components/Heading';
import { InfoRow } from '../../components/InfoRow';
import { MaskedId } from '../../components/MaskedId';
import { relationshipLabel } from '../../lib/family-labels';
import { formatDateCn, formatDateTimeCn, formatYuan } from '../../lib/format';
import { orderStateLabel, paySourceLabel } from '../../lib/order-labels';
import { PageRoot } from '../../components/PageRoot';
import { useCall } from '../../services/use-call';
import './index.css';

/** 缴费凭证: who paid, for whom, how much each, which year, when, the transaction and the clause. */
export default function Receipt() {
  const orderNo = decodeURIComponent(useRouter().params.orderNo ?? '');
  const { state, retry } = useCall('orders', { action: 'receipt', orderNo });

  return (
    <PageRoot>
      <Heading level={1}>缴费凭证</Heading>
      <CallStateView state={state} retry={retry}>
        {(data) => {
          if (data.action !== 'receipt') return null;
          const { receipt } = data;
          const paid = receipt.state === 'paid';
          return (
            <View className="receipt">
              {paid ? null : (
                <View className="notice notice-bad" role="note">
                  <Text>该订单{orderStateLabel(receipt.state)}，不作为缴费凭证。</Text>
                </View>
              )}
              <View className="card">
                <InfoRow label="状态">{orderStateLabel(receipt.state)}</InfoRow>
                <InfoRow label="缴费人">
                  {receipt.payer.name ?? '—'}{' '}
                  {receipt.payer.idMasked ? <MaskedId value={receipt.payer.idMasked} /> : null}
                </InfoRow>
                <InfoRow label="缴费方式">{paySourceLabel(receipt.source)}</InfoRow>
                <InfoRow label="支付时间">{receipt.paidAt ? formatDateTimeCn(receipt.paidAt) : '—'}</InfoRow>
                <InfoRow label="交易单号">{receipt.transactionId ?? '—'}</InfoRow>
                <InfoRow label="订单号">{receipt.orderNo}</InfoRow>
                <InfoRow label={`合计（${receipt.items.length}人）`} strong>
                  {formatYuan(receipt.total)}
                </InfoRow>
              </View>

              <Heading level={2}>参保人</Heading>
              {receipt.items.map((item) => (
                <View key={`${item.idMasked}-${item.coverageYear}`} className="card receipt-item">
                  <Text className="receipt-name">
                    {item.name}（{relationshipLabel(item.relationship)}）
                  </Text>
                  <MaskedId value={item.idMasked} />
                  <InfoRow label="参保年度">{`${item.coverageYear}年度`}</InfoRow>
                  <InfoRow label="参保地">{item.policyName}</InfoRow>
                  <InfoRow label="缴费金额" strong>
                    {formatYuan(item.amount)}
                  </InfoRow>
                  {item.cover ? (
                    <InfoRow label="待遇享受期">
                      {item.cover.start
                        ? `${formatDateCn(item.cover.start)}至${formatDateCn(item.cover.end)}`
                        : `本次缴费不能享受${item.coverageYear}年度待遇`}
                    </InfoRow>
                  ) : null}
                </View>
              ))}

              <ClauseList
                title="缴费依据"
                items={receipt.basis.map((b) => ({ text: `${b.policyName}个人缴费标准`, source: b.source }))}
              />
            </View>
          );
        }}
      </CallStateView>
    </PageRoot>
  );
}
