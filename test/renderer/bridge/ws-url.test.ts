import { describe, expect, it } from 'vitest';
import { wsUrlFor } from '../../../renderer/bridge/ws-url';

describe('wsUrlFor', () => {
  it('builds the API address from the page address and its token', () => {
    expect(wsUrlFor({ protocol: 'http:', host: '127.0.0.1:5177', search: '?token=ab%2Bc' })).toBe('ws://127.0.0.1:5177/api?token=ab%2Bc');
    expect(wsUrlFor({ protocol: 'https:', host: 'x:1', search: '?a=1&token=t' })).toBe('wss://x:1/api?token=t');
  });
  it('gives null without a host or a token', () => {
    expect(wsUrlFor({ protocol: 'file:', host: '', search: '?token=t' })).toBeNull();
    expect(wsUrlFor({ protocol: 'http:', host: '127.0.0.1:1', search: '' })).toBeNull();
  });
});
