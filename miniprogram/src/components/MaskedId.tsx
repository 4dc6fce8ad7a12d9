import { Text } from '@tarojs/components';
import { displayMaskedId, spokenMaskedId } from '../lib/masked-id';

/** An ID or certificate number, always masked ('350***********1234'), read out as "350 开头、1234 结尾". */
export function MaskedId({ value, what = '身份证号码' }: { value: string; what?: string }) {
  return (
    <Text className="masked-id" aria-label={spokenMaskedId(value, what)}>
      {displayMaskedId(value)}
    </Text>
  );
}
