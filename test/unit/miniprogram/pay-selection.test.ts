import { describe, expect, it } from 'vitest';
import { input as payInput } from '../../../shared/contracts/pay';
import {
  addOther,
  emptySelection,
  peopleOf,
  removeOther,
  selectionSize,
  toggleBinding,
  toggleSelf,
} from '../../../miniprogram/src/lib/pay-selection';

const other = { key: 'o1', name: '周嘉欣', idNumber: '810000199003039926' };

describe('choosing whom to pay for', () => {
  it('starts with nobody chosen', () => {
    expect(selectionSize(emptySelection)).toBe(0);
    expect(peopleOf(emptySelection)).toEqual([]);
  });

  it('lists me first, then bound relatives by binding id, then anyone by name and ID number', () => {
    let selection = toggleBinding(emptySelection, 'fb_child');
    selection = addOther(selection, other);
    selection = toggleSelf(selection);
    expect(peopleOf(selection)).toEqual([
      { residentRef: 'self' },
      { residentRef: 'fb_child' },
      { name: '周嘉欣', idNumber: '810000199003039926' },
    ]);
    expect(selectionSize(selection)).toBe(3);
  });

  it('builds people the pay contract accepts', () => {
    const selection = addOther(toggleBinding(toggleSelf(emptySelection), 'fb_child'), other);
    const parsed = payInput.safeParse({ action: 'preview', source: 'wechat', people: peopleOf(selection) });
    expect(parsed.success).toBe(true);
  });

  it('unticks a relative ticked twice and removes an entered person by key', () => {
    const twice = toggleBinding(toggleBinding(emptySelection, 'fb_a'), 'fb_a');
    expect(twice.bindingIds).toEqual([]);
    expect(removeOther(addOther(emptySelection, other), 'o1').others).toEqual([]);
  });
});
