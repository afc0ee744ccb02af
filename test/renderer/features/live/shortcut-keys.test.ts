import { describe, expect, it } from 'vitest';
import { liveShortcut, type KeyPress } from '../../../../renderer/features/live/shortcut-keys';

const key = (k: string, over: Partial<KeyPress> = {}): KeyPress => ({
  key: k,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  repeat: false,
  onControl: false,
  inTextEntry: false,
  ...over,
});

describe('live shortcuts', () => {
  it('during a session: Space stops, Esc and H mean "it hurts"', () => {
    expect(liveShortcut(key(' '), true)).toBe('stop');
    expect(liveShortcut(key('Escape'), true)).toBe('pain');
    expect(liveShortcut(key('h'), true)).toBe('pain');
    expect(liveShortcut(key('H'), true)).toBe('pain');
  });
  it('Esc works even from a focused control; Space leaves a focused button alone', () => {
    expect(liveShortcut(key('Escape', { onControl: true, inTextEntry: true }), true)).toBe('pain');
    expect(liveShortcut(key(' ', { onControl: true }), true)).toBeNull();
    expect(liveShortcut(key('h', { inTextEntry: true }), true)).toBeNull();
  });
  it('before a session: Space starts', () => {
    expect(liveShortcut(key(' '), false)).toBe('start');
    expect(liveShortcut(key('Escape'), false)).toBeNull();
  });
  it('ignores modified and repeated keys', () => {
    expect(liveShortcut(key(' ', { ctrlKey: true }), true)).toBeNull();
    expect(liveShortcut(key('Escape', { repeat: true }), true)).toBeNull();
  });
});
