import { Navigator, Text, View } from '@tarojs/components';
import { CallStateView } from '../../components/CallStateView';
import { Heading } from '../../components/Heading';
import { useCall } from '../../services/use-call';
import './index.css';

const services = [
  { url: '/pages/register/index', label: '参保登记', hint: '为本人办理居民医保参保' },
  { url: '/pages/pay/index', label: '家庭代缴', hint: '为家人缴纳居民医保费' },
  { url: '/pages/newborn/index', label: '新生儿参保', hint: '出生 90 天内办理' },
] as const;

export default function Index() {
  const { state, retry } = useCall('policies', {});

  return (
    <View className="page">
      <Heading level={1}>城乡居民医保</Heading>

      <View className="home-services">
        {services.map((s) => (
          <Navigator key={s.url} url={s.url} className="card home-service" ariaLabel={`${s.label}，${s.hint}`}>
            <Text className="home-service-label">{s.label}</Text>
            <Text className="muted home-service-hint">{s.hint}</Text>
          </Navigator>
        ))}
      </View>

      <Heading level={2}>参保地区与年度</Heading>
      <CallStateView
        state={state}
        retry={retry}
        isEmpty={(data) => data.policies.length === 0}
        emptyText="暂无可办理的参保年度"
      >
        {(data) =>
          data.policies.map((p) => (
            <View key={p.id} className="card policy">
              <Text className="policy-name">{p.name}</Text>
              <Text className="muted">{p.coverageYear} 年度</Text>
            </View>
          ))
        }
      </CallStateView>
    </View>
  );
}
