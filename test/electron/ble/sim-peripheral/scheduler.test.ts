import { describe, expect, it } from 'vitest';
import { ManualScheduler } from '../../../../electron/ble/sim-peripheral/scheduler';

describe('ManualScheduler', () => {
  it('runs due timers in time order, ties in the order they were set, including timers set while advancing', () => {
    const s = new ManualScheduler();
    const log: string[] = [];
    s.setTimeout(() => log.push(`b@${s.nowMs()}`), 20);
    s.setTimeout(() => {
      log.push(`a@${s.nowMs()}`);
      s.setTimeout(() => log.push(`a2@${s.nowMs()}`), 5); // due at 15, before b
      s.setTimeout(() => log.push(`a3@${s.nowMs()}`), 0);
    }, 10);
    s.setTimeout(() => log.push(`c@${s.nowMs()}`), 20);
    s.advanceBy(19);
    expect(log).toEqual(['a@10', 'a3@10', 'a2@15']);
    expect(s.nowMs()).toBe(19);
    s.advanceBy(100);
    expect(log).toEqual(['a@10', 'a3@10', 'a2@15', 'b@20', 'c@20']);
    expect(s.nowMs()).toBe(119);
  });

  it('cancels timers and ignores unknown handles; negative delays run now', () => {
    const s = new ManualScheduler(1000);
    const log: number[] = [];
    const h = s.setTimeout(() => log.push(1), 10);
    s.setTimeout(() => log.push(2), -5);
    s.clearTimeout(h);
    s.clearTimeout(undefined);
    s.clearTimeout({ something: 1 });
    expect(s.pendingTimers).toBe(1);
    s.advanceBy(0);
    expect(log).toEqual([2]);
    expect(s.nowMs()).toBe(1000);
  });

  it('works with its methods passed around unbound', () => {
    const s = new ManualScheduler();
    const { setTimeout: set, nowMs } = s;
    let at = -1;
    set(() => (at = nowMs()), 7);
    s.advanceBy(10);
    expect(at).toBe(7);
  });

  it('drives a promise chain that waits on timers, and reports one that would hang', async () => {
    const s = new ManualScheduler();
    const sleep = (ms: number) => new Promise<void>((r) => s.setTimeout(r, ms));
    const chain = (async () => {
      await sleep(100);
      await sleep(200);
      return s.nowMs();
    })();
    expect(await s.drive(chain)).toBe(300);
    await expect(s.drive(new Promise(() => undefined))).rejects.toThrow(/no timer is left/);
    s.setTimeout(() => undefined, 10_000);
    await expect(s.drive(new Promise(() => undefined), 500)).rejects.toThrow(/after 500 ms/);
    expect(s.nowMs()).toBe(800);
  });

  it('advanceByAsync lets async reactions schedule at the right simulated time', async () => {
    const s = new ManualScheduler();
    const seen: number[] = [];
    const tick = new Promise<void>((r) => s.setTimeout(r, 50));
    void tick.then(() => s.setTimeout(() => seen.push(s.nowMs()), 25));
    await s.advanceByAsync(100);
    expect(seen).toEqual([75]);
  });
});
