import { describe, expect, it } from 'vitest';
import { relativeRelationship } from '../../../shared/contracts/people';
import {
  bindingStatusText,
  confirmedBindings,
  relationshipLabel,
  RELATIONSHIP_OPTIONS,
  requestRelationshipText,
  visibleBindings,
} from '../../../miniprogram/src/lib/family-labels';
import { namesSummary, newestFirst, orderStateLabel, paySourceLabel } from '../../../miniprogram/src/lib/order-labels';

describe('how relatives and bindings read on screen', () => {
  it('offers every relationship the family contract accepts, each with a Chinese label', () => {
    expect(RELATIONSHIP_OPTIONS.map((o) => o.value).sort()).toEqual([...relativeRelationship.options].sort());
    for (const option of RELATIONSHIP_OPTIONS) expect(option.label).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('names me 本人 and someone I did not bind as such', () => {
    expect(relationshipLabel('self')).toBe('本人');
    expect(relationshipLabel(null)).toBe('非绑定家人');
    expect(relationshipLabel('child')).toBe('子女');
  });

  it('tells a child bound by the guardian from a relative who agreed', () => {
    expect(bindingStatusText({ status: 'confirmed', confirmedBy: 'guardian' })).toContain('监护人');
    expect(bindingStatusText({ status: 'confirmed', confirmedBy: 'relative' })).toContain('本人已同意');
    expect(bindingStatusText({ status: 'pending', confirmedBy: null })).toBe('等待家人确认');
  });

  it('says who asked and as what', () => {
    expect(requestRelationshipText({ requesterName: '张*国', relationship: 'child' })).toBe(
      '张*国申请将您绑定为其子女',
    );
  });

  it('hides revoked bindings and offers only confirmed ones for payment', () => {
    const list = [
      { id: 'a', status: 'confirmed' as const },
      { id: 'b', status: 'pending' as const },
      { id: 'c', status: 'revoked' as const },
      { id: 'd', status: 'expired' as const },
    ];
    expect(visibleBindings(list).map((b) => b.id)).toEqual(['a', 'b', 'd']);
    expect(confirmedBindings(list).map((b) => b.id)).toEqual(['a']);
  });
});

describe('how orders read on screen', () => {
  it('labels every order state and payment source in Chinese', () => {
    expect(orderStateLabel('paid')).toBe('已支付');
    expect(orderStateLabel('expired')).toContain('未扣款');
    expect(paySourceLabel('employee-account')).toBe('职工医保个人账户（家庭共济）');
  });

  it('shortens a long list of names', () => {
    expect(namesSummary(['张建国', '李*英'])).toBe('张建国、李*英');
    expect(namesSummary(['甲', '乙', '丙', '丁'])).toBe('甲、乙、丙 等4人');
  });

  it('puts the newest order first without changing the list it was given', () => {
    const orders = [
      { orderNo: 'a', createdAt: '2024-11-15T02:00:00.000Z' },
      { orderNo: 'c', createdAt: '2024-11-16T01:00:00.000Z' },
      { orderNo: 'b', createdAt: '2024-11-15T09:30:00.000Z' },
    ];
    expect(newestFirst(orders).map((o) => o.orderNo)).toEqual(['c', 'b', 'a']);
    expect(orders.map((o) => o.orderNo)).toEqual(['a', 'c', 'b']);
  });
});
