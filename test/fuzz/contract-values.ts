/**
 * Values for fuzzing the IPC contract: valid params built from a request's zod schema (through
 * its JSON Schema, `z.toJSONSchema(schema, { io: 'input' })`), and hostile ones made from them
 * (wrong types, extra and prototype-polluting keys, NaN/Infinity, huge strings, deep nesting,
 * cycles, arrays for objects, values only Electron's structured clone can carry).
 */
import { z } from 'zod';
import { REQUESTS, type RequestName } from '../../electron/ipc/ipc-contract';
import type { Dice } from './fuzz-harness';

export type JsonSchema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  /** A tuple's items, one schema per place. */
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
};

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Strings that commonly satisfy a `pattern` (base64 and simple identifiers); filtered by the pattern. */
const PATTERN_CANDIDATES = ['', 'QUJD', 'QUI=', 'QQ==', 'abc', 'A1', 'iVBORw0KGgo=', 'x'];

/** A value valid for `s`, or `undefined` when the generator cannot make one (e.g. an unusual pattern). */
export function validValue(s: JsonSchema, d: Dice, depth = 0): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum) return d.pick(s.enum);
  const branches = s.anyOf ?? s.oneOf;
  if (branches) return validValue(d.pick(branches), d, depth + 1);
  if (s.allOf && s.allOf.length > 0) return validValue(s.allOf[0]!, d, depth + 1);
  const type = Array.isArray(s.type) ? d.pick(s.type) : s.type;
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return d.chance(0.5);
    case 'integer':
    case 'number':
      return validNumber(s, type === 'integer', d);
    case 'string':
      return validString(s, d);
    case 'array': {
      if (s.prefixItems) return s.prefixItems.map((item) => validValue(item, d, depth + 1));
      const n = d.int(s.minItems ?? 0, Math.min(s.maxItems ?? 4, (s.minItems ?? 0) + 4));
      return Array.from({ length: n }, () => validValue(s.items ?? {}, d, depth + 1));
    }
    case 'object':
      return validObject(s, d, depth);
    default:
      // Anything goes (z.unknown()): a small JSON value.
      return d.pick([null, 0, 'x', true, [], {}]);
  }
}

function validNumber(s: JsonSchema, integer: boolean, d: Dice): number {
  let lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-9) : -1e6);
  let hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 1e-9) : 1e6);
  if (integer) {
    lo = Math.ceil(lo);
    hi = Math.floor(hi);
  }
  const edge = d.int(0, 5);
  if (edge === 0) return lo;
  if (edge === 1) return hi;
  // Keep most values in a sensible span even when the schema allows up to 2^53.
  const span = Math.min(hi - lo, 1e6 * d.pick([1, 1e-3, 1e3]));
  const v = lo + d.rand() * span;
  return integer ? Math.min(hi, Math.max(lo, Math.round(v))) : Math.min(hi, Math.max(lo, v));
}

function validString(s: JsonSchema, d: Dice): string | undefined {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 200;
  if (s.pattern) {
    const re = new RegExp(s.pattern);
    const fits = PATTERN_CANDIDATES.filter((c) => re.test(c) && c.length >= min && c.length <= max);
    return fits.length > 0 ? d.pick(fits) : undefined;
  }
  if (s.format === 'date-time') return new Date(Date.UTC(2025, 2, 1) + d.int(0, 1e9) * 1000).toISOString();
  const edge = d.int(0, 6);
  if (edge === 0) return 'a'.repeat(min);
  if (edge === 1 && max <= 1 << 20) return 'b'.repeat(max);
  return d
    .text(d.int(min, Math.min(max, min + 40)))
    .slice(0, max)
    .padEnd(min, 'x');
}

function validObject(s: JsonSchema, d: Dice, depth: number): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  const required = new Set(s.required ?? []);
  for (const [key, sub] of Object.entries(s.properties ?? {})) {
    if (!required.has(key) && d.chance(0.5)) continue;
    const v = validValue(sub, d, depth + 1);
    if (v === undefined) {
      if (required.has(key)) return undefined;
      continue;
    }
    out[key] = v;
  }
  // A record: keys from propertyNames, values from additionalProperties.
  if (s.propertyNames && typeof s.additionalProperties === 'object') {
    const names = s.propertyNames.enum ?? [];
    for (const key of names as string[]) {
      if (!required.has(key) && d.chance(0.5)) continue;
      out[key] = validValue(s.additionalProperties, d, depth + 1);
    }
    for (const key of required) if (!(key in out)) out[key] = validValue(s.additionalProperties, d, depth + 1);
  }
  return out;
}

// ---------- hostile values ----------

/** Keys that could reach Object.prototype or shadow built-ins if a parser copied objects naively. */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'] as const;

/** The marker a polluting payload tries to plant on Object.prototype. */
export const POLLUTION_MARKER = 'fuzzPolluted';

/** An object whose own `__proto__` key is data, as JSON.parse makes it. */
export function pollutingObject(): Record<string, unknown> {
  return JSON.parse(`{"__proto__":{"${POLLUTION_MARKER}":true},"constructor":{"prototype":{"${POLLUTION_MARKER}":true}}}`) as Record<string, unknown>;
}

export function deepNest(depth: number, asArray: boolean): unknown {
  let v: unknown = asArray ? [] : {};
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

/** A value of any shape, including ones only Electron's structured clone carries (NaN, bigint, Map, Date, cycles). */
export function junkValue(d: Dice, depth = 0): unknown {
  const k = d.int(0, 24);
  switch (k) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return d.pick([NaN, Infinity, -Infinity, -0, 0, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, 2 ** 64]);
    case 3:
      return d.int(-1e6, 1e6) + d.pick([0, 0.5, 1e-9]);
    case 4:
      return d.chance(0.5);
    case 5:
      return d.text(d.int(0, 30));
    case 6:
      return 'x'.repeat(d.pick([65, 201, 256, 4097, 70_000, 1_100_000]));
    case 7:
      return d.pick(['', ' ', 'true', '1', 'null', 'NaN', '{}', '[]', 'in', 'cm', 'completed', '__proto__']);
    case 8:
      return depth > 2 ? [] : Array.from({ length: d.int(0, 4) }, () => junkValue(d, depth + 1));
    case 9:
      return depth > 2 ? {} : Object.fromEntries(Array.from({ length: d.int(0, 4) }, () => [d.text(d.int(0, 8)), junkValue(d, depth + 1)]));
    case 10:
      return pollutingObject();
    case 11:
      return deepNest(d.pick([50, 1000, 20_000]), d.chance(0.5));
    case 12:
      return BigInt(d.int(-1e6, 1e6));
    case 13:
      return new Date(d.pick([0, NaN, 8.64e15, -1]));
    case 14:
      return new Map([['a', 1]]);
    case 15:
      return new Set([1, 2]);
    case 16:
      return new Uint8Array(d.int(0, 16));
    case 17: {
      const o: Record<string, unknown> = { a: 1 };
      o['self'] = o;
      return o;
    }
    case 18:
      return Object.assign(Object.create(null) as Record<string, unknown>, { on: true, id: 'x' });
    case 19:
      return /regex/g;
    case 20:
      return new Array(d.int(1, 5)); // sparse
    case 21:
      return [1, 'two', null, {}, []];
    case 22:
      return { length: 3, 0: 'a' };
    case 23:
      return new Error('an error object');
    default:
      return d.pick([String.fromCharCode(0xd800), '\u0000', 'a\u2028b', '😀'.repeat(100)]);
  }
}

/** A hostile version of `valid` (params of `schema`), or a hostile value in its place. */
export function mutateParams(valid: Record<string, unknown>, schema: JsonSchema, d: Dice): unknown {
  const keys = Object.keys(schema.properties ?? {});
  const copy: Record<string, unknown> = { ...valid };
  const anyKey = () => (keys.length > 0 && d.chance(0.8) ? d.pick(keys) : d.text(d.int(1, 10)));
  switch (d.int(0, 13)) {
    case 0:
      return junkValue(d);
    case 1: // a wrong value for one field
      copy[anyKey()] = junkValue(d);
      return copy;
    case 2: // an extra key
      copy[d.chance(0.5) ? d.pick(POLLUTING_KEYS) : d.text(d.int(0, 12))] = junkValue(d);
      return copy;
    case 3: // a polluting payload merged in as JSON would carry it
      return Object.assign(pollutingObject(), copy);
    case 4: // a required key missing
      if (schema.required && schema.required.length > 0) delete copy[d.pick(schema.required)];
      else copy[anyKey()] = undefined;
      return copy;
    case 5: // an array for the object
      return d.chance(0.5) ? [copy] : Object.values(copy);
    case 6: // numbers at and beyond their edges
      copy[anyKey()] = d.pick([NaN, Infinity, -Infinity, -0, 0, -1, 0.5, 1e308, 2 ** 53, 2 ** 53 + 2, 3660.5, 3661, 1e-320]);
      return copy;
    case 7: // strings at and beyond their edges
      copy[anyKey()] = d.pick(['', 'x'.repeat(41), 'x'.repeat(65), 'x'.repeat(81), 'x'.repeat(201), 'x'.repeat(256), 'y'.repeat(1_100_000), String.fromCharCode(0xdc00)]);
      return copy;
    case 8: // deep nesting in a field
      copy[anyKey()] = deepNest(d.pick([100, 5000, 50_000]), d.chance(0.5));
      return copy;
    case 9: // a cycle
      copy[anyKey()] = copy;
      return copy;
    case 10: // the right value with the wrong type (JSON-ish confusion)
      for (const k of Object.keys(copy)) {
        const v = copy[k];
        copy[k] = typeof v === 'number' ? String(v) : typeof v === 'boolean' ? Number(v) : typeof v === 'string' ? [v] : v === null ? 'null' : jsonText(v);
      }
      return copy;
    case 11: // nested values mutated one level down
      for (const k of Object.keys(copy)) {
        const v = copy[k];
        if (v && typeof v === 'object' && !Array.isArray(v)) copy[k] = { ...v, [d.pick(POLLUTING_KEYS)]: junkValue(d), [d.text(4)]: junkValue(d) };
      }
      return copy;
    case 12: // a null-prototype object with the same data (structured clone never makes one, but be safe)
      return Object.assign(Object.create(null) as object, copy);
    default: // several mutations at once
      return mutateParams(mutateParams(copy, schema, d) as Record<string, unknown>, schema, d);
  }
}

// ---------- requests ----------

export const REQUEST_NAMES = Object.keys(REQUESTS) as RequestName[];
export const REQUEST_SCHEMAS: ReadonlyMap<RequestName, JsonSchema> = new Map(REQUEST_NAMES.map((n) => [n, jsonSchemaOf(REQUESTS[n].params)]));

/** A valid params object for `name` (retries when the generator draws an unusable branch). */
export function validParams(name: RequestName, d: Dice): Record<string, unknown> {
  for (let tries = 0; tries < 20; tries++) {
    const v = validValue(REQUEST_SCHEMAS.get(name)!, d);
    if (v !== undefined) return v as Record<string, unknown>;
  }
  throw new Error(`cannot build valid params for ${name}`);
}

/** JSON text of any value: bigints as numbers, Map/Set as arrays, cycles cut, too deep a value as a string. */
export function jsonText(value: unknown): string {
  const seen = new WeakSet<object>();
  try {
    return (
      JSON.stringify(value, (_k, v: unknown) => {
        if (typeof v === 'bigint') return Number(v);
        if (v instanceof Map || v instanceof Set) return Array.from<unknown>(v);
        if (typeof v === 'object' && v !== null) {
          if (seen.has(v)) return '«cycle»';
          seen.add(v);
        }
        return v;
      }) ?? 'null'
    );
  } catch {
    return '"«too deep for JSON.stringify»"';
  }
}

/** Text as a renderer (or anything else on the socket) might send: JSON of many shapes, or not JSON. */
export function wireText(d: Dice): string {
  const name = d.chance(0.7) ? d.pick(REQUEST_NAMES) : d.text(d.int(0, 80));
  const envelope = (): Record<string, unknown> => ({
    kind: d.chance(0.9) ? 'request' : d.pick(['response', 'event', 'REQUEST', '', null]),
    id: d.chance(0.8) ? d.int(0, 1e6) : d.pick([-1, 0.5, '1', null, 2 ** 53, 1e308, -0]),
    name,
    params: d.chance(0.5) ? validParams(Object.hasOwn(REQUESTS, name) ? (name as RequestName) : 'app.snapshot', d) : junkValue(d),
  });
  switch (d.int(0, 9)) {
    case 0:
      return d.text(d.int(0, 200));
    case 1: {
      const full = jsonText(envelope());
      return full.slice(0, d.int(0, full.length)); // truncated JSON
    }
    case 2:
      return jsonText(junkValue(d));
    case 3: {
      const e = envelope();
      delete e[d.pick(['kind', 'id', 'name', 'params'])];
      return jsonText(e);
    }
    case 4:
      // eslint-disable-next-line no-control-regex -- drops what would need escaping in the JSON text
      return `{"kind":"request","id":1,"name":"${name.replace(/["\\\u0000-\u001f]/g, '')}","params":${'['.repeat(d.int(1, 5000))}`;
    case 5:
      return `{"__proto__":{"${POLLUTION_MARKER}":1},"kind":"request","id":2,"name":"app.snapshot","params":{"__proto__":{"${POLLUTION_MARKER}":1}}}`;
    case 6:
      return jsonText({ ...envelope(), extra: d.text(5), [d.pick(POLLUTING_KEYS)]: 1 });
    default:
      return jsonText(envelope());
  }
}
