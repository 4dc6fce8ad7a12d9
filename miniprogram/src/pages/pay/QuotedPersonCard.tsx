import { Text, View } from '@tarojs/components';
import type { z } from 'zod';
import type { quotedPerson } from '../../../../shared/contracts/pay';
import { ClauseList } from '../../components/ClauseList';
import { InfoRow } from '../../components/InfoRow';
import { MaskedId } from '../../components/MaskedId';
import { Warnings } from '../../components/Warnings';
import { relationshipLabel } from '../../lib/family-labels';
import { formatDateCn, formatYuan } from '../../lib/format';
import { coverageStartText, waitingPeriodText } from '../../lib/quote-text';

export type QuotedPerson = z.infer<typeof quotedPerson>;

/**
 * One person's line of the preview: what they owe and, for me and relatives who consented, the
 * standard amount, the subsidy, from when cover starts, any waiting period and the clauses behind it.
 */
export function QuotedPersonCard({ person }: { person: QuotedPerson }) {
  const { details } = person;
  return (
    <View className="card quoted-person" aria-label={`${person.name}的缴费明细`}>
      <View className="quoted-head">
        <Text className="quoted-name">{person.name}</Text>
        <Text className="muted">{relationshipLabel(person.relationship)}</Text>
      </View>
      <MaskedId value={person.idMasked} />
      <Text className="muted quoted-policy">
        {person.policyName}（{person.coverageYear}年度）
      </Text>
      {details ? (
        <>
          <InfoRow label="个人缴费标准">{formatYuan(details.standardAmount)}</InfoRow>
          <InfoRow label="资助减免">
            {details.subsidyAmount > 0 ? `-${formatYuan(details.subsidyAmount)}` : formatYuan(0)}
          </InfoRow>
        </>
      ) : null}
      <InfoRow label="应缴金额" strong>
        {formatYuan(person.amountDue)}
      </InfoRow>
      {details ? (
        <>
          <InfoRow label="待遇开始">
            {coverageStartText({ coverageStart: details.coverageStart, coverageYear: person.coverageYear })}
          </InfoRow>
          <InfoRow label="待遇截止">{formatDateCn(details.coverageEnd)}</InfoRow>
          <InfoRow label="等待期">{waitingPeriodText(details.waitingPeriod)}</InfoRow>
        </>
      ) : (
        <Text className="muted form-note">TA未与您绑定，仅显示应缴金额。</Text>
      )}
      <Warnings items={person.warnings} />
      {details ? <ClauseList items={details.explanation} title="为什么是这个金额和日期" /> : null}
    </View>
  );
}
