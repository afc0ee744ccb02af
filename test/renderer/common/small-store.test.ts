import { describe, expect, it } from 'vitest';
import { createSmallStore } from '../../../renderer/common/small-store';

describe('small store', () => {
  it('notifies on change only, and unsubscribes', () => {
    const s = createSmallStore({ n: 1 });
    let calls = 0;
    const off = s.subscribe(() => calls++);
    const same = s.get();
    s.set(same);
    expect(calls).toBe(0);
    s.update((v) => ({ n: v.n + 1 }));
    expect(calls).toBe(1);
    expect(s.get().n).toBe(2);
    off();
    s.set({ n: 3 });
    expect(calls).toBe(1);
  });
});
