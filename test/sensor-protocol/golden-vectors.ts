/** Reads sensor-protocol/vectors/protocol-v1.vectors (format in the file's header) for the tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface GoldenVector {
  kind: string;
  name: string;
  /** File line of the `vector` line, for failure messages. */
  line: number;
  bytes: Uint8Array;
  fields: Map<string, number[][]>;
  reject?: string;
}

export const VECTORS_PATH = fileURLToPath(new URL('../../sensor-protocol/vectors/protocol-v1.vectors', import.meta.url));

export function loadGoldenVectors(path = VECTORS_PATH): GoldenVector[] {
  const vectors: GoldenVector[] = [];
  let current: GoldenVector | null = null;
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      const line = text.trim();
      if (line === '' || line.startsWith('#')) return;
      const [key = '', ...rest] = line.split(/\s+/);
      if (key === 'vector') {
        if (current) throw new Error(`line ${index + 1}: vector inside vector ${current.name}`);
        current = { kind: rest[0] ?? '', name: rest[1] ?? '', line: index + 1, bytes: new Uint8Array(), fields: new Map() };
        return;
      }
      if (!current) throw new Error(`line ${index + 1}: "${key}" outside a vector block`);
      if (key === 'end') {
        vectors.push(current);
        current = null;
      } else if (key === 'hex') {
        current.bytes = Uint8Array.from(rest.map((h) => parseInt(h, 16)));
      } else if (key === 'reject') {
        current.reject = rest[0];
      } else {
        const values = rest.map(Number);
        if (values.some((v) => Number.isNaN(v))) throw new Error(`line ${index + 1}: non-numeric value in "${line}"`);
        const list = current.fields.get(key) ?? [];
        list.push(values);
        current.fields.set(key, list);
      }
    });
  if (current) throw new Error('vectors file ends inside a vector block');
  return vectors;
}

export function field(v: GoldenVector, key: string): number[][] {
  const values = v.fields.get(key);
  if (!values) throw new Error(`vector ${v.name} (line ${v.line}) has no "${key}" line`);
  return values;
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
}
