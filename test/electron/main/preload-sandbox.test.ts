/**
 * The built preload runs as a sandboxed window runs it: a classic script whose `require` knows
 * only `electron` (no ES modules, no npm packages, no Node). It must expose `window.roller` with
 * the contract's request and subscribe, and nothing else.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const PRELOAD = fileURLToPath(new URL('../../../out/preload/index.cjs', import.meta.url));
const built = existsSync(PRELOAD);
if (!built && process.env['CI']) throw new Error(`the preload is not built (${PRELOAD}); npm test builds it first`);

describe.skipIf(!built)('the built preload in a sandbox', () => {
  it('needs nothing but electron and exposes only window.roller', async () => {
    const exposed: Record<string, unknown> = {};
    const invoked: [string, unknown][] = [];
    const listeners = new Map<string, (e: unknown, p: unknown) => void>();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: {
        invoke: (channel: string, params: unknown) => {
          invoked.push([channel, params]);
          return Promise.resolve({ ok: true });
        },
        on: (channel: string, fn: (e: unknown, p: unknown) => void) => listeners.set(channel, fn),
        removeListener: (channel: string) => listeners.delete(channel),
      },
    };
    const required: string[] = [];
    const sandboxRequire = (name: string) => {
      required.push(name);
      if (name === 'electron') return electron;
      throw new Error(`module not found: ${name}`);
    };
    const module = { exports: {} };
    runInNewContext(readFileSync(PRELOAD, 'utf8'), { require: sandboxRequire, module, exports: module.exports, console }, { filename: PRELOAD });

    expect(required).toEqual(['electron']);
    expect(Object.keys(exposed)).toEqual(['roller']);
    const roller = exposed['roller'] as { request(n: string, p: unknown): Promise<unknown>; subscribe(n: string, fn: (p: unknown) => void): () => void };
    await expect(roller.request('history.get', { days: 7 })).resolves.toEqual({ ok: true });
    expect(invoked).toEqual([['roller:request:history.get', { days: 7 }]]);
    await expect(roller.request('fs.readFile', {})).rejects.toThrow(/unknown request/);
    const seen: unknown[] = [];
    const off = roller.subscribe('progress', (p) => seen.push(p));
    listeners.get('roller:event:progress')?.({}, { task: 'export' });
    expect(seen).toEqual([{ task: 'export' }]);
    off();
    expect(listeners.has('roller:event:progress')).toBe(false);
    expect(() => roller.subscribe('nope', () => undefined)).toThrow(/unknown event/);
  });
});
