import { ComingSoon } from '../../components/ComingSoon';

export default function Register() {
  return <ComingSoon title="参保登记" />;
}
