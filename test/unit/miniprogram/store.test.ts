import { describe, expect, it } from 'vitest';
import { createStore } from '../../../miniprogram/src/lib/store';

describe('an app-wide store', () => {
  it('tells every subscriber about a change, and nobody after they left', () => {
    const store = createStore(false);
    const heard: string[] = [];
    const leaveA = store.subscribe(() => heard.push(`a:${store.get()}`));
    store.subscribe(() => heard.push(`b:${store.get()}`));
    store.set(true);
    leaveA();
    store.set(false);
    expect(heard).toEqual(['a:true', 'b:true', 'b:false']);
  });

  it('stays quiet when set to the value it already holds', () => {
    const store = createStore('2024-11-15');
    let calls = 0;
    store.subscribe(() => (calls += 1));
    store.set('2024-11-15');
    expect(calls).toBe(0);
  });
});
