/**
 * What a connected sensor delivers, whatever its kind: decoded samples, gaps, rejected
 * notifications, battery and status. A link is one GATT session on one connected peripheral;
 * the source (ble-sensor-source.ts) opens a new link after every reconnect.
 */
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import type { FrameGap } from '../../sensor-protocol/frame/frame-decoder';
import type { SensorStatus } from '../../sensor-protocol/gatt/sensor-status';
import type { SensorConfig } from '../../sensor-protocol/gatt/sensor-config';

export interface SensorLinkHandlers {
  /** Every notification on the data characteristic, as received (for the raw record). */
  raw(bytes: Uint8Array): void;
  samples(samples: ImuSample[]): void;
  gap(gap: FrameGap): void;
  /** A notification that could not be decoded: counted and skipped. */
  rejected(reason: string, message: string): void;
  battery(percent: number): void;
  status(status: SensorStatus): void;
  /** Something the user may want to know (e.g. the unit cannot do the asked rate). */
  note(message: string): void;
}

/** The link's technical facts, for the Sensor check screen and the support report. */
export interface SensorLinkInfo {
  /** The firmware revision the sensor reports (null: it reports none). */
  firmwareVersion: string | null;
  /** The sample rate asked for, Hz (the sensor may run at another, `sampleRateHz`). */
  requestedRateHz: number;
  /** Samples per notification (null: not fixed, WitMotion). */
  samplesPerFrame: number | null;
  /** The negotiated ATT MTU, bytes (null: not known). */
  mtu: number | null;
  accelRangeG: number | null;
  gyroRangeDps: number | null;
  /** Where sample times come from: the sensor's clock, or arrival on the host (WitMotion). */
  clock: 'sensor' | 'host';
}

export interface SensorLink {
  /** What is streaming, in plain words ("Roller sensor (firmware 1.0.0): 100 Hz"); the technical facts are in `info`. */
  readonly description: string;
  readonly sampleRateHz: number;
  readonly info: SensorLinkInfo;
  /** The protocol configuration in force (our sensor only; null for vendor sensors). */
  readonly config: SensorConfig | null;
  /** Stops streaming and unsubscribes (the peripheral stays connected). */
  close(): Promise<void>;
  /** Blinks the sensor's LED, when it has one. */
  identify(seconds: number): Promise<void>;
}

/** Rejects after `ms` unless the promise settles first (a BLE stack may never answer). */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string, setTimer: (fn: () => void, ms: number) => unknown, clearTimer: (h: unknown) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const h = setTimer(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimer(h);
        resolve(v);
      },
      (err: unknown) => {
        clearTimer(h);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}
