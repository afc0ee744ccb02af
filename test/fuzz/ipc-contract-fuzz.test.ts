/**
 * Fuzz of the IPC contract (electron/ipc/ipc-contract.ts): every request's params, random and
 * mutated, through `parseRequest`; the browser host's wire schema over random text; the
 * Electron handlers over hostile params. Nothing may throw, what passes must satisfy the
 * schema, and what fails must name the request and the field.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterAll, describe, expect, it } from 'vitest';
import type { RollerApp } from '../../electron/app/roller-app';
import { channelOf, parseRequest, REQUESTS, WireFromRendererSchema, type RequestName } from '../../electron/ipc/ipc-contract';
import { registerIpcHandlers } from '../../electron/ipc/ipc-main-handlers';
import { junkValue, mutateParams, POLLUTING_KEYS, POLLUTION_MARKER, REQUEST_NAMES as NAMES, REQUEST_SCHEMAS as SCHEMAS, validParams, wireText, type JsonSchema } from './contract-values';
import { caseRandom, Dice, describeValue, FuzzFailures, fuzzPlan } from './fuzz-harness';

afterAll(() => {
  expect((Object.prototype as Record<string, unknown>)[POLLUTION_MARKER]).toBeUndefined();
});

/** True when `error` is "<name>: <field>: <message>", the field being "params", a schema key or a key that was sent. */
function namesRequestAndField(error: string, name: string, schema: JsonSchema, input: unknown): boolean {
  const prefix = `${name}: `;
  if (!error.startsWith(prefix)) return false;
  const rest = error.slice(prefix.length);
  const sent = input !== null && typeof input === 'object' ? Object.keys(input) : [];
  const fields = ['params', ...Object.keys(schema.properties ?? {}), ...sent];
  return fields.some((f) => (rest.startsWith(`${f}: `) || rest.startsWith(`${f}.`)) && rest.length > f.length + 2);
}

/** What parseRequest gave must be usable: valid for the schema, plain, and free of keys the schema does not know. */
function checkAccepted(name: RequestName, params: unknown): string | null {
  if (!REQUESTS[name].params.safeParse(params).success) return 'accepted params do not satisfy the schema';
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return 'accepted params are not an object';
  if (Object.getPrototypeOf(params) !== Object.prototype) return 'accepted params do not have the plain object prototype';
  const known = new Set(Object.keys(SCHEMAS.get(name)!.properties ?? {}));
  const extra = Object.keys(params).filter((k) => !known.has(k));
  if (extra.length > 0) return `accepted params carry unknown keys ${extra.join(', ')}`;
  return null;
}

describe('IPC contract fuzz', () => {
  it('valid params built from every request schema pass, also after a JSON round trip', () => {
    const plan = fuzzPlan('ipc-valid-params', 0x1c0de, 400);
    const failures = new FuzzFailures(plan);
    for (const i of plan.indexes) {
      const d = new Dice(caseRandom(plan.seed, i));
      const name = NAMES[i % NAMES.length]!;
      const params = validParams(name, d);
      failures.run(
        i,
        () => ({ name, params }),
        () => {
          for (const input of [params, JSON.parse(JSON.stringify(params)) as unknown]) {
            const r = parseRequest(name, input);
            if (!r.ok) return failures.add(i, `valid params refused: ${r.error}`, { name, params });
            const problem = checkAccepted(name, r.params);
            if (problem) return failures.add(i, problem, { name, params, parsed: r.params });
          }
        },
      );
    }
    failures.assertNone();
  });

  it('random and mutated params never throw; accepted ones satisfy the schema, refused ones name the request and field', () => {
    const plan = fuzzPlan('ipc-mutated-params', 0xbad1dea, 10000);
    const failures = new FuzzFailures(plan);
    const outcomes = { accepted: 0, refused: 0 };
    for (const i of plan.indexes) {
      const d = new Dice(caseRandom(plan.seed, i));
      const name = NAMES[i % NAMES.length]!;
      const schema = SCHEMAS.get(name)!;
      const params = mutateParams(validParams(name, d), schema, d);
      failures.run(
        i,
        () => ({ name, params }),
        () => {
          const r = parseRequest(name, params);
          if (r.ok) {
            outcomes.accepted++;
            if (r.name !== name) failures.add(i, `accepted under another name ${r.name}`, { name, params });
            const problem = checkAccepted(name, r.params);
            if (problem) failures.add(i, problem, { name, params, parsed: r.params });
          } else {
            outcomes.refused++;
            if (typeof r.error !== 'string' || !namesRequestAndField(r.error, name, schema, params)) {
              failures.add(i, `error does not name the request and a field: ${describeValue(r.error)}`, { name, params });
            }
          }
        },
      );
    }
    failures.assertNone();
    // The mutations must mostly be refused, and some (e.g. extra keys on a non-strict object) may pass.
    if (!plan.replaying) expect(outcomes.refused).toBeGreaterThan(plan.indexes.length * 0.6);
  });

  it('unknown request names are refused by name, including prototype keys', () => {
    const plan = fuzzPlan('ipc-unknown-names', 0x5a11, 2000);
    const failures = new FuzzFailures(plan);
    for (const i of plan.indexes) {
      const d = new Dice(caseRandom(plan.seed, i));
      const name = d.pick([
        () => d.pick(POLLUTING_KEYS),
        () => d.text(d.int(0, 70)),
        () => `${d.pick(NAMES)}${d.pick([' ', '.', 'x', '\u0000', '/'])}`,
        () => d.pick(NAMES).toUpperCase(),
        () => channelOf(d.pick(NAMES), 'request'),
      ])();
      if (Object.hasOwn(REQUESTS, name)) continue;
      failures.run(
        i,
        () => name,
        () => {
          const r = parseRequest(name, junkValue(d));
          if (r.ok || r.error !== `unknown request "${name}"`) failures.add(i, `not refused as unknown: ${describeValue(r)}`, name);
        },
      );
    }
    failures.assertNone();
  });

  it('the wire schema never throws on random text, and what it accepts is a well-formed request', () => {
    const plan = fuzzPlan('ipc-wire', 0x3e1e, 8000);
    const failures = new FuzzFailures(plan);
    let wellFormed = 0;
    for (const i of plan.indexes) {
      const d = new Dice(caseRandom(plan.seed, i));
      const text = wireText(d);
      failures.run(
        i,
        () => text,
        () => {
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            return; // the host answers "message is not JSON"
          }
          const wire = WireFromRendererSchema.safeParse(json);
          if (!wire.success) {
            if (!wire.error.issues[0]) failures.add(i, 'refused without an issue to report', text);
            return;
          }
          wellFormed++;
          const { id, name } = wire.data;
          if (!Number.isSafeInteger(id) || id < 0 || typeof name !== 'string' || [...name].length > 64) failures.add(i, `accepted a bad envelope ${describeValue(wire.data)}`, text);
          const r = parseRequest(name, wire.data.params);
          if (!r.ok && typeof r.error !== 'string') failures.add(i, 'no error text', text);
        },
      );
    }
    failures.assertNone();
    if (!plan.replaying) expect(wellFormed).toBeGreaterThan(plan.indexes.length * 0.2);
  });

  it('the Electron handlers refuse hostile params with the contract error and never reach the app', async () => {
    const plan = fuzzPlan('ipc-electron-handlers', 0xe1ec, 1500);
    const failures = new FuzzFailures(plan);
    const handlers = new Map<string, (e: IpcMainInvokeEvent, params: unknown) => Promise<unknown>>();
    const ipc = { handle: (c: string, fn: (e: IpcMainInvokeEvent, p: unknown) => Promise<unknown>) => handlers.set(c, fn), removeHandler: (c: string) => handlers.delete(c) } as unknown as IpcMain;
    let reached = 0;
    const app = { handle: async () => void reached++ } as unknown as RollerApp;
    const page = 'file:///app/out/renderer/index.html';
    const unregister = registerIpcHandlers(ipc, app, (url) => url === page);
    const event = { senderFrame: { url: page } } as unknown as IpcMainInvokeEvent;
    for (const i of plan.indexes) {
      const d = new Dice(caseRandom(plan.seed, i));
      const name = NAMES[i % NAMES.length]!;
      const params = mutateParams(validParams(name, d), SCHEMAS.get(name)!, d);
      const expected = parseRequest(name, params);
      if (expected.ok) continue;
      const before = reached;
      try {
        await handlers.get(channelOf(name, 'request'))!(event, params);
        failures.add(i, 'hostile params were accepted', { name, params });
      } catch (err) {
        if (!(err instanceof Error) || err.message !== expected.error) failures.add(i, `rejected with ${describeValue(String(err))}, expected ${expected.error}`, { name, params });
      }
      if (reached !== before) failures.add(i, 'hostile params reached the app', { name, params });
    }
    unregister();
    failures.assertNone();
  });

  // Found here: a patch schema built with .partial() kept each field's default, and zod fills
  // defaults in, so saving the units reset the roller diameter and erased the calibration.
  it('a profile.update patch carries only the fields that were sent', () => {
    const plan = fuzzPlan('ipc-profile-patch', 0x9a7c4, 200);
    const failures = new FuzzFailures(plan);
    for (const i of plan.indexes) {
      const d = new Dice(caseRandom(plan.seed, i));
      const patch = validParams('profile.update', d);
      const r = parseRequest('profile.update', patch);
      if (!r.ok) continue;
      const invented = Object.keys(r.params).filter((k) => !Object.hasOwn(patch, k));
      if (invented.length > 0) failures.add(i, `the parsed patch sets fields that were not sent: ${invented.join(', ')}`, patch);
    }
    failures.assertNone();
  });
});
