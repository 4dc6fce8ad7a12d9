import { ComingSoon } from '../../components/ComingSoon';

export default function Family() {
  return <ComingSoon title="家人" />;
}
