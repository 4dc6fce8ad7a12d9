import { z } from 'zod';

/**
 * Fields that name a person, shared by the family and pay contracts. Outputs carry ID numbers only
 * masked ('350***********1234'), and a relative's given name only once they consented (张*).
 */
export const personName = z
  .string({ required_error: '请填写姓名', invalid_type_error: '姓名应为文字' })
  .trim()
  .min(1, '请填写姓名')
  .max(30, '姓名最多30个字');

export const idNumberIn = z
  .string({ required_error: '请填写身份证号码', invalid_type_error: '身份证号码应为文字' })
  .trim()
  .min(1, '请填写身份证号码')
  .max(40, '身份证号码过长，请核对');

/** The relative, seen from the person who binds them ('child' = the relative is my child). */
export const relativeRelationship = z.enum(
  ['spouse', 'child', 'parent', 'grandparent', 'grandchild', 'sibling', 'other'],
  {
    message: '请选择与您的关系：配偶、子女、父母、祖父母或外祖父母、孙子女或外孙子女、兄弟姐妹、其他',
  },
);
export type RelativeRelationship = z.infer<typeof relativeRelationship>;

/** Each relationship in the words of the 户口簿, for messages and screens alike. */
export const RELATIONSHIP_LABELS: Readonly<Record<RelativeRelationship | 'self', string>> = {
  self: '本人',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  grandparent: '祖父母或外祖父母',
  grandchild: '孙子女或外孙子女',
  sibling: '兄弟姐妹',
  other: '其他亲属',
};

/** Binding ids and order numbers the client got from us earlier. */
export const opaqueId = (what: string) =>
  z
    .string({ required_error: `缺少${what}`, invalid_type_error: `${what}应为文字` })
    .regex(/^[A-Za-z0-9_-]{1,64}$/, `${what}格式不正确`);
