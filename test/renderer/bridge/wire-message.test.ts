import { describe, expect, it } from 'vitest';
import { parseWireFromMain } from '../../../renderer/bridge/wire-message';

describe('parseWireFromMain', () => {
  it('reads responses and events', () => {
    expect(parseWireFromMain('{"kind":"response","id":3,"ok":true,"result":{"ok":true}}')).toEqual({
      ok: true,
      message: { kind: 'response', id: 3, ok: true, result: { ok: true } },
    });
    expect(parseWireFromMain('{"kind":"response","id":4,"ok":false,"error":"nope"}')).toMatchObject({ ok: true, message: { ok: false, error: 'nope' } });
    expect(parseWireFromMain('{"kind":"event","name":"live","payload":{"points":[]}}')).toMatchObject({ ok: true, message: { kind: 'event', name: 'live' } });
  });
  it('turns bad frames into errors, never exceptions', () => {
    expect(parseWireFromMain('{oops').ok).toBe(false);
    expect(parseWireFromMain(new Uint8Array(2)).ok).toBe(false);
    expect(parseWireFromMain('{"kind":"event","name":"bogus","payload":1}').ok).toBe(false);
    expect(parseWireFromMain('{"kind":"response","id":-1,"ok":true}').ok).toBe(false);
    expect(parseWireFromMain('{"kind":"response","id":1,"ok":false}').ok).toBe(false);
  });
});
