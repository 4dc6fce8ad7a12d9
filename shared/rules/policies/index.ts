import { policySchema, type Policy } from '../policy-schema';
import { ahLingbiZhuji2023 } from './ah-lingbi-zhuji-2023';
import { fjJinjiangLingyuan2022 } from './fj-jinjiang-lingyuan-2022';
import { fjQuanzhou2023 } from './fj-quanzhou-2023';
import { fjQuanzhouTaishang2025 } from './fj-quanzhou-taishang-2025';
import { fjYouxi2024 } from './fj-youxi-2024';

/** Every policy, validated once when the module loads so a data mistake fails at start, not on a phone. */
export const policies: readonly Policy[] = [
  fjQuanzhou2023,
  fjJinjiangLingyuan2022,
  fjYouxi2024,
  fjQuanzhouTaishang2025,
  ahLingbiZhuji2023,
].map((data) => policySchema.parse(data));

const byId = new Map(policies.map((policy) => [policy.id, policy]));

export function getPolicy(id: string): Policy | undefined {
  return byId.get(id);
}
