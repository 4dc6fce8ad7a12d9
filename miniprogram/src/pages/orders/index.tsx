import { Navigator, Text, View } from '@tarojs/components';
import { CallStateView } from '../../components/CallStateView';
import { Heading } from '../../components/Heading';
import { PageRoot } from '../../components/PageRoot';
import { formatDateTimeCn, formatYuan } from '../../lib/format';
import { namesSummary, newestFirst, orderStateLabel, paySourceLabel } from '../../lib/order-labels';
import { useCall } from '../../services/use-call';
import { useRefreshOnShow } from '../../services/use-refresh-on-show';
import { receiptPath } from './receipt-path';
import './index.css';

/** 缴费记录: my orders, newest first; each opens its receipt. */
export default function Orders() {
  const { state, retry } = useCall('orders', { action: 'list' });
  useRefreshOnShow(retry);

  return (
    <PageRoot>
      <Heading level={1}>缴费记录</Heading>
      <CallStateView
        state={state}
        retry={retry}
        isEmpty={(data) => data.action !== 'list' || data.orders.length === 0}
        emptyText="还没有缴费记录。为自己或家人缴费后，记录和缴费凭证会显示在这里。"
      >
        {(data) =>
          data.action === 'list'
            ? newestFirst(data.orders).map((order) => (
                <Navigator
                  key={order.orderNo}
                  url={receiptPath(order.orderNo)}
                  className="card order"
                  ariaLabel={`${orderStateLabel(order.state)}，${formatYuan(order.total)}，${namesSummary(order.names)}，查看凭证`}
                >
                  <View className="order-head">
                    <Text className={`order-state order-state-${order.state}`}>{orderStateLabel(order.state)}</Text>
                    <Text className="order-total">{formatYuan(order.total)}</Text>
                  </View>
                  <Text className="order-names">{namesSummary(order.names)}</Text>
                  <Text className="muted order-meta">
                    {formatDateTimeCn(order.paidAt ?? order.createdAt)} · {paySourceLabel(order.source)}
                  </Text>
                  <Text className="order-link">查看凭证 ›</Text>
                </Navigator>
              ))
            : null
        }
      </CallStateView>
    </PageRoot>
  );
}
