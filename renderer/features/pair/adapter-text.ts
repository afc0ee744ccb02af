/** The Bluetooth adapter's condition for the Pair screen. */
import type { AdapterInfo } from '../../bridge/contract';

/** Scanning makes sense in these states (it may start once the adapter is ready). */
export function canScan(adapter: AdapterInfo): boolean {
  return adapter.state === 'poweredOn' || adapter.state === 'unknown' || adapter.state === 'resetting';
}

export const adapterHasProblem = (adapter: AdapterInfo): boolean => adapter.state !== 'poweredOn';

/** Splits text on `backticks` so commands can be shown as code: odd parts are code. */
export function splitCode(text: string): { text: string; code: boolean }[] {
  return text
    .split('`')
    .map((part, i) => ({ text: part, code: i % 2 === 1 }))
    .filter((p) => p.text.length > 0);
}
