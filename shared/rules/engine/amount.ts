import { formatYuan, percentOf, type Fen } from '../money';
import type { Category, Policy, Share } from '../policy-schema';
import type { Explanation } from '../source';
import type { Profile } from './types';

export type AmountAnswer = {
  standard: Fen;
  subsidy: Fen;
  due: Fen;
  categoryId?: string;
  explanation: Explanation[];
  warnings: string[];
};

/** The part of the personal contribution a category's subsidy covers. */
export function subsidyFor(share: Share, personal: Fen): Fen | null {
  switch (share.kind) {
    case 'full':
      return personal;
    case 'personalPercent':
      return personal - percentOf(personal, share.percent);
    case 'fixedPersonal':
      return Math.max(0, personal - share.amount);
    case 'fixedSubsidy':
      return Math.min(share.amount, personal);
    case 'none':
      return 0;
    case 'deferred':
      return null;
  }
}

function shareText(category: Category, subsidy: Fen, personal: Fen): string {
  const pays = personal - subsidy;
  const funder = category.funder ? `（${category.funder}）` : '';
  return `“${category.label}”资助${formatYuan(subsidy)}${funder}，个人缴纳${formatYuan(pays)}。`;
}

type PolicyAmountTexts = {
  personal: Explanation;
  fullCost?: { charged: Explanation; standard: number };
  shares: Map<string, Explanation>;
};

/** Sentences that depend only on the policy, built once per policy: whole rolls are quoted at a time. */
const textsByPolicy = new WeakMap<Policy, PolicyAmountTexts>();

function amountTexts(policy: Policy): PolicyAmountTexts {
  let texts = textsByPolicy.get(policy);
  if (texts) return texts;
  const personal = policy.contribution.personal.value;
  const fiscal = policy.contribution.fiscal.value;
  const fullCost = policy.fullCost;
  texts = {
    personal: { text: `个人缴费标准${formatYuan(personal)}/人。`, source: policy.contribution.personal.source },
    ...(fullCost
      ? {
          fullCost: {
            standard: personal + fiscal,
            charged: {
              text: `${fullCost.from}起补缴，按个人缴费${formatYuan(personal)}与财政补助${formatYuan(fiscal)}之和${formatYuan(personal + fiscal)}缴费。`,
              source: fullCost.source,
            },
          },
        }
      : {}),
    shares: new Map(
      policy.categories.flatMap((category) => {
        const subsidy = subsidyFor(category.share, personal);
        return subsidy === null
          ? []
          : [[category.id, { text: shareText(category, subsidy, personal), source: category.source }]];
      }),
    ),
  };
  textsByPolicy.set(policy, texts);
  return texts;
}

/**
 * What the person pays. The personal standard, plus the fiscal share for a back-payment from the full-cost date
 * unless exempt; minus the best subsidy among the person's certified categories (categories do not stack).
 */
export function amountFor(policy: Policy, profile: Profile, categories: Category[], payDate: string): AmountAnswer {
  const personal = policy.contribution.personal.value;
  const texts = amountTexts(policy);
  const explanation: Explanation[] = [texts.personal];
  const warnings: string[] = [];

  let standard = personal;
  const fullCost = policy.fullCost;
  if (fullCost && payDate >= fullCost.from) {
    const exemption = fullCost.exempt.find((e) => profile.groups.has(e.group));
    if (exemption) {
      explanation.push({
        text: `${fullCost.from}起补缴须按个人缴费与财政补助之和缴费，但本人属于除外人群，仍按个人缴费标准缴费。`,
        source: exemption.source,
      });
    } else if (texts.fullCost) {
      standard = texts.fullCost.standard;
      explanation.push(texts.fullCost.charged);
    }
  }

  const deadline = policy.subsidyDeadline;
  const subsidyClosed =
    deadline !== undefined && payDate > deadline.date && !deadline.exceptGroups.some((g) => profile.groups.has(g));

  let best: { category: Category; subsidy: Fen } | undefined;
  for (const category of categories) {
    const subsidy = subsidyFor(category.share, personal);
    if (subsidy === null) {
      const document = category.share.kind === 'deferred' ? category.share.document : '';
      warnings.push(
        `“${category.label}”的减免标准按${document}执行，本系统未收录该文件，未计入减免，实际应缴以税务部门核定为准。`,
      );
      explanation.push({ text: `“${category.label}”的减免按${document}执行。`, source: category.source });
      continue;
    }
    if (!best || subsidy > best.subsidy) best = { category, subsidy };
  }

  let subsidy = 0;
  // Only a subsidy that exists can be withheld: a category that funds nothing (Lingbi's 退役军人) gets no such warning.
  if (best && best.subsidy > 0 && subsidyClosed && deadline) {
    warnings.push(
      `征缴期已于${deadline.date}结束，除动态新增的救助对象外不再资助参保，“${best.category.label}”资助未计入。`,
    );
    explanation.push({ text: `${deadline.date}后除动态调整人员外不再资助参保。`, source: deadline.source });
  } else if (best) {
    subsidy = best.subsidy;
    const share = texts.shares.get(best.category.id);
    if (share) explanation.push(share);
    if (standard > personal && subsidy > 0) {
      warnings.push(
        '文件未写明资助对象在全额补缴期间是否仍按个人缴费标准缴费，本结果按文件字面计算，请以医保经办机构核定为准。',
      );
    }
  }

  return {
    standard,
    subsidy,
    due: standard - subsidy,
    ...(best && subsidy > 0 ? { categoryId: best.category.id } : {}),
    explanation,
    warnings,
  };
}
