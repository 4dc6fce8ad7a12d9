import { ComingSoon } from '../../components/ComingSoon';

export default function Newborn() {
  return <ComingSoon title="新生儿参保" />;
}
