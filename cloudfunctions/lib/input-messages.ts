/**
 * Plain-Chinese messages for zod issues the schemas did not word themselves (unknown fields, wrong
 * types, missing fields …), so an INVALID_INPUT answer is always readable by a resident.
 */
import { z } from 'zod';

const TYPE_NAMES: Partial<Record<z.ZodParsedType, string>> = {
  string: '文字',
  number: '数字',
  integer: '整数',
  boolean: '是或否',
  object: '对象',
  array: '列表',
  date: '日期',
};

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/** Who the message is about, ready to be followed by 的 / 中. */
function where(path: ReadonlyArray<string | number>): string {
  return path.length === 0 ? '请求内容' : `字段 ${path.join('.')} `;
}

function describe(issue: z.ZodIssueOptionalMessage): string {
  const at = where(issue.path);
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === 'undefined') return `缺少必填项：${issue.path.join('.') || '请求内容'}`;
      return `${at}的类型不正确，应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case z.ZodIssueCode.unrecognized_keys:
      return `${issue.path.length ? `${at}中` : ''}有不支持的字段：${issue.keys.join('、')}`;
    case z.ZodIssueCode.invalid_enum_value:
      return `${at}的取值不在允许范围内（可选：${issue.options.join('、')}）`;
    case z.ZodIssueCode.invalid_literal:
    case z.ZodIssueCode.invalid_union_discriminator:
    case z.ZodIssueCode.invalid_union:
      return `${at}的取值不正确`;
    case z.ZodIssueCode.too_small:
      if (issue.type === 'string') return `${at}至少需要 ${issue.minimum} 个字符`;
      if (issue.type === 'array') return `${at}至少需要 ${issue.minimum} 项`;
      return `${at}不能小于 ${issue.minimum}`;
    case z.ZodIssueCode.too_big:
      if (issue.type === 'string') return `${at}最多 ${issue.maximum} 个字符`;
      if (issue.type === 'array') return `${at}最多 ${issue.maximum} 项`;
      return `${at}不能大于 ${issue.maximum}`;
    case z.ZodIssueCode.invalid_string:
    case z.ZodIssueCode.invalid_date:
      return `${at}的格式不正确`;
    case z.ZodIssueCode.not_multiple_of:
    case z.ZodIssueCode.not_finite:
      return `${at}的数值不正确`;
    default:
      return `${at}填写有误`;
  }
}

/**
 * A contextual error map for `safeParse(data, { errorMap })`. It runs after the schema's own maps, so
 * it keeps a message the schema already wrote in Chinese (required_error, enum messages …).
 */
export const chineseErrorMap: z.ZodErrorMap = (issue, ctx) => ({
  message: HAS_CHINESE.test(ctx.defaultError) ? ctx.defaultError : describe(issue),
});

/** The message of the first issue: the one a resident fixes first. */
export function firstIssueMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? '请求内容填写有误';
}
