/**
 * Control point characteristic (write with response), protocol v1.
 *
 * | opcode | command           | parameter                   | total bytes |
 * |--------|-------------------|-----------------------------|-------------|
 * | 0x01   | start streaming   | —                           | 1 |
 * | 0x02   | stop streaming    | —                           | 1 |
 * | 0x03   | identify (blink)  | u8 duration, 1 … 30 s       | 2 |
 * | 0x04   | calibrate at rest | —  (sensor must lie still)  | 1 |
 *
 * A sensor answers an unknown opcode or a wrong length with the ATT error
 * "Value Not Allowed"/"Invalid Attribute Value Length" and changes nothing.
 */
export const OPCODE_START_STREAMING = 0x01;
export const OPCODE_STOP_STREAMING = 0x02;
export const OPCODE_IDENTIFY = 0x03;
export const OPCODE_CALIBRATE_AT_REST = 0x04;
export const IDENTIFY_MAX_S = 30;

export type ControlCommand = { command: 'start-streaming' } | { command: 'stop-streaming' } | { command: 'identify'; durationS: number } | { command: 'calibrate-at-rest' };

export type ControlDecodeResult = { ok: true; command: ControlCommand } | { ok: false; reason: 'empty' | 'unknown-opcode' | 'bad-length' | 'bad-value'; message: string };

export function encodeControlCommand(cmd: ControlCommand): Uint8Array {
  switch (cmd.command) {
    case 'start-streaming':
      return Uint8Array.of(OPCODE_START_STREAMING);
    case 'stop-streaming':
      return Uint8Array.of(OPCODE_STOP_STREAMING);
    case 'calibrate-at-rest':
      return Uint8Array.of(OPCODE_CALIBRATE_AT_REST);
    case 'identify':
      if (!Number.isInteger(cmd.durationS) || cmd.durationS < 1 || cmd.durationS > IDENTIFY_MAX_S) {
        throw new RangeError(`identify: duration ${cmd.durationS} s is outside 1…${IDENTIFY_MAX_S} s`);
      }
      return Uint8Array.of(OPCODE_IDENTIFY, cmd.durationS);
  }
}

export function decodeControlCommand(bytes: Uint8Array): ControlDecodeResult {
  const opcode = bytes[0];
  if (opcode === undefined) return { ok: false, reason: 'empty', message: 'control point: empty write' };
  const expectLength = (n: number): ControlDecodeResult | null =>
    bytes.length === n ? null : { ok: false, reason: 'bad-length', message: `control point: opcode 0x${hex(opcode)} takes ${n} bytes, got ${bytes.length}` };
  switch (opcode) {
    case OPCODE_START_STREAMING:
      return expectLength(1) ?? { ok: true, command: { command: 'start-streaming' } };
    case OPCODE_STOP_STREAMING:
      return expectLength(1) ?? { ok: true, command: { command: 'stop-streaming' } };
    case OPCODE_CALIBRATE_AT_REST:
      return expectLength(1) ?? { ok: true, command: { command: 'calibrate-at-rest' } };
    case OPCODE_IDENTIFY: {
      const bad = expectLength(2);
      if (bad) return bad;
      const durationS = bytes[1] ?? 0;
      if (durationS < 1 || durationS > IDENTIFY_MAX_S) {
        return { ok: false, reason: 'bad-value', message: `control point: identify duration ${durationS} s is outside 1…${IDENTIFY_MAX_S} s` };
      }
      return { ok: true, command: { command: 'identify', durationS } };
    }
    default:
      return { ok: false, reason: 'unknown-opcode', message: `control point: unknown opcode 0x${hex(opcode)}` };
  }
}

function hex(b: number): string {
  return b.toString(16).padStart(2, '0');
}
