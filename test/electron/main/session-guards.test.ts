import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { isAppUrl, APP_ORIGIN } from '../../../electron/main/app-origin';
import { denySessionPermissions, guardContents, type GuardedContents } from '../../../electron/main/session-guards';
import { fakeSession } from './fake-electron';

/** A fake event whose preventDefault is recorded. */
const fakeEvent = () => ({
  prevented: false,
  preventDefault() {
    this.prevented = true;
  },
});

describe('the session refuses what the page asks for', () => {
  const s = fakeSession();
  denySessionPermissions(s);

  it('denies every permission request and every permission check', () => {
    const answers: boolean[] = [];
    for (const p of ['media', 'notifications', 'geolocation', 'clipboard-read', 'fullscreen'])
      (s.handlers['request'] as (wc: unknown, p: string, cb: (ok: boolean) => void) => void)(null, p, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false, false]);
    for (const p of ['hid', 'serial', 'usb', 'media', 'clipboard-sanitized-write']) expect((s.handlers['check'] as (wc: unknown, p: string) => boolean)(null, p), p).toBe(false);
    expect((s.handlers['device'] as (d: unknown) => boolean)({ deviceType: 'hid' })).toBe(false);
  });

  it('cancels every device picker and refuses Web Bluetooth pairing', () => {
    for (const name of ['select-hid-device', 'select-usb-device']) {
      const e = fakeEvent();
      const picked: unknown[] = [];
      s.events.emit(name, e, { deviceList: [{ deviceId: 'd1' }] }, (id?: string) => picked.push(id));
      expect(e.prevented, name).toBe(true);
      expect(picked, name).toEqual([undefined]);
    }
    const e = fakeEvent();
    const picked: string[] = [];
    s.events.emit('select-serial-port', e, [{ portId: 'p1' }], null, (id: string) => picked.push(id));
    expect([e.prevented, picked]).toEqual([true, ['']]);
    const pairing: unknown[] = [];
    (s.handlers['pairing'] as (d: unknown, cb: (r: { confirmed: boolean }) => void) => void)({ pairingKind: 'confirm' }, (r) => pairing.push(r));
    expect(pairing).toEqual([{ confirmed: false }]);
  });
});

describe('every web contents is guarded', () => {
  function guarded() {
    const events = new EventEmitter();
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
    const contents: GuardedContents & { events: EventEmitter } = {
      events,
      setWindowOpenHandler: (h) => void (openHandler = h),
      on: (event: string, listener: Parameters<EventEmitter['on']>[1]) => events.on(event, listener),
    };
    const opened: string[] = [];
    guardContents(contents, { isAppUrl: (url) => isAppUrl(url, [APP_ORIGIN]), openExternal: (url) => opened.push(url) });
    return { events, open: (url: string) => openHandler!({ url }), opened };
  }

  it('lets the page move only within the app’s exact origin', () => {
    const g = guarded();
    const navigate = (url: string) => {
      const e = fakeEvent();
      g.events.emit('will-navigate', e, url);
      return e.prevented ? 'cancelled' : 'allowed';
    };
    expect(navigate('app://roller/index.html#/history')).toBe('allowed');
    expect(navigate('app://roller.evil/index.html')).toBe('cancelled');
    expect(navigate('https://example.com/')).toBe('cancelled');
    expect(navigate('file:///etc/passwd')).toBe('cancelled');
  });

  it('opens no window: https links go to the system browser, anything else nowhere', () => {
    const g = guarded();
    expect(g.open('https://example.com/help')).toEqual({ action: 'deny' });
    expect(g.open('http://example.com/')).toEqual({ action: 'deny' });
    expect(g.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(g.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(g.opened).toEqual(['https://example.com/help']);
  });

  it('refuses <webview> and cancels the Web Bluetooth chooser instead of letting Electron pick the first device', () => {
    const g = guarded();
    const w = fakeEvent();
    g.events.emit('will-attach-webview', w);
    expect(w.prevented).toBe(true);
    const e = fakeEvent();
    const picked: string[] = [];
    g.events.emit('select-bluetooth-device', e, [{ deviceId: 'AA:BB', deviceName: 'Roller' }], (id: string) => picked.push(id));
    expect([e.prevented, picked]).toEqual([true, ['']]);
  });
});
