import { ComingSoon } from '../../components/ComingSoon';

export default function Benefits() {
  return <ComingSoon title="待遇查询" />;
}
