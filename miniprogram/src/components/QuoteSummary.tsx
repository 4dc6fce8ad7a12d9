import { Text, View } from '@tarojs/components';
import type { Quote } from '../../../shared/contracts/quote';
import { formatDateCn, formatYuan } from '../lib/format';
import { coverageStartText, waitingPeriodText } from '../lib/quote-text';
import { ClauseList } from './ClauseList';
import { InfoRow } from './InfoRow';
import { Warnings } from './Warnings';

type Props = {
  quote: Quote;
  /** Hide the clauses where the page lists them once for everyone. */
  clauses?: boolean;
};

/**
 * What a payment costs and buys, in the order a resident asks: the standard amount, the subsidy,
 * what is left to pay, from when it covers (and any waiting period), then the warnings and clauses.
 */
export function QuoteSummary({ quote, clauses = true }: Props) {
  return (
    <View className="quote-summary">
      {!quote.payable && quote.reason ? (
        <View className="notice notice-bad">
          <Text>{quote.reason}</Text>
        </View>
      ) : null}
      <InfoRow label="缴费标准">{formatYuan(quote.standardAmount)}</InfoRow>
      <InfoRow label="政府资助">{formatYuan(quote.subsidyAmount)}</InfoRow>
      <InfoRow label="个人应缴" strong>
        {formatYuan(quote.amountDue)}
      </InfoRow>
      <InfoRow label="待遇开始">{coverageStartText(quote)}</InfoRow>
      <InfoRow label="待遇截止">{formatDateCn(quote.coverageEnd)}</InfoRow>
      <InfoRow label="等待期">{waitingPeriodText(quote.waitingPeriod)}</InfoRow>
      <Warnings items={quote.warnings} />
      {clauses ? <ClauseList items={quote.explanation} /> : null}
    </View>
  );
}
