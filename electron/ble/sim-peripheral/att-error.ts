/**
 * ATT error codes a simulated GATT server answers with (Bluetooth Core 5.x, Vol 3, Part F,
 * §3.4.1.1), and the result type of every simulated attribute operation.
 *
 * How an error reaches the app through noble depends on noble's bindings contract, which has no
 * error argument for GATT operations (see README.md): a failed read completes with an empty
 * Buffer, a failed write with response never completes. The simulated bindings additionally
 * emit a simulator-only `attError` event so tests can see the code.
 */

export const ATT_ERROR = Object.freeze({
  invalidHandle: 0x01,
  readNotPermitted: 0x02,
  writeNotPermitted: 0x03,
  requestNotSupported: 0x06,
  attributeNotFound: 0x0a,
  invalidAttributeValueLength: 0x0d,
  unlikelyError: 0x0e,
  valueNotAllowed: 0x13,
} as const);

export type AttErrorCode = (typeof ATT_ERROR)[keyof typeof ATT_ERROR];

export interface AttError {
  ok: false;
  code: AttErrorCode;
  message: string;
}

export type AttResult<T = undefined> = { ok: true; value: T } | AttError;

export function attOk(): AttResult<undefined>;
export function attOk<T>(value: T): AttResult<T>;
export function attOk<T>(value?: T): AttResult<T | undefined> {
  return { ok: true, value };
}

export function attError(code: AttErrorCode, message: string): AttError {
  return { ok: false, code, message };
}

/** `0x0d` style, for messages. */
export function attErrorHex(code: number): string {
  return `0x${code.toString(16).padStart(2, '0')}`;
}
