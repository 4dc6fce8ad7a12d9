import { ComingSoon } from '../../components/ComingSoon';

export default function Pay() {
  return <ComingSoon title="家庭代缴" />;
}
