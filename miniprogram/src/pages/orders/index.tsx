import { ComingSoon } from '../../components/ComingSoon';

export default function Orders() {
  return <ComingSoon title="缴费记录" />;
}
